import CurriculumModel
import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

@Suite struct NativeXMLWriterTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let programmes = [
        "Curricula/liaise/liaise.xml", "Curricula/city-pair/city-pair.xml",
        "Curricula/strong-cities-dialogue/strong-cities-dialogue.xml", "docs/examples/minimal/programme.xml",
        // A provenance statement and a fictional delivery.
        "Tests/EndToEndTests/Fixtures/provenance/mini.xml",
        // Answer keys of every kind.
        "Tests/EndToEndTests/Fixtures/answer-keys/quiz.xml",
    ]

    /// A bundled curriculum written as one document loads back into the same model, and every located part of it
    /// points, through the document's source table, to where the original part was read (what an importer
    /// answering with a document relies on).
    @Test(arguments: programmes)
    func aBundledCurriculumWrittenAsOneDocumentLoadsBackIntoTheSameModel(programme: String) throws {
        let path = Self.packageRoot.appendingPathComponent(programme).path
        let original = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let folder = try Self.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: folder) }

        let written = NativeXMLWriter().written(original)
        #expect(written.text == NativeXMLWriter().document(original))
        let file = folder.appendingPathComponent("programme.xml")
        try written.text.write(to: file, atomically: true, encoding: .utf8)
        let reloaded = CurriculumLoader().load(programmeAt: file.path)

        let structural = reloaded.diagnostics.filter { $0.code.hasPrefix("XML") || $0.code.hasPrefix("STR") }
        #expect(structural.isEmpty, "the written document is not valid: \(structural.map(\.message))")
        let copy = try #require(reloaded.curriculum)
        #expect(try Self.comparable(copy) == Self.comparable(original))

        #expect(written.sources.map(\.line) == written.sources.map(\.line).sorted())
        let originals = try Self.locations(in: original)
        let traced = try Self.locations(in: copy).map { written.source(ofLine: $0.line) }
        #expect(originals.count > 10)
        #expect(traced == originals.map { Optional($0) })
    }

    @Test func moduleActivitiesPlacedOnAnAgendaAreWrittenAsUse() throws {
        let path = Self.packageRoot.appendingPathComponent("docs/examples/minimal/programme.xml").path
        let curriculum = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let document = NativeXMLWriter().document(curriculum)
        #expect(document.contains("<use module=\"m-referral\"/>"))
        #expect(!document.contains("<item id=\"a-map\""))
    }

    @Test func resourceFilesAreRebasedToTheDocumentsFolder() {
        let resource = Resource(
            id: "r", kind: "handout", href: "../handouts/map.md", baseDirectory: "modules", title: "Map")
        let curriculum = Curriculum(id: "p", title: "P", language: "en", resources: [resource])
        #expect(NativeXMLWriter(documentDirectory: "").document(curriculum).contains("href=\"handouts/map.md\""))
        #expect(
            NativeXMLWriter(documentDirectory: "out").document(curriculum).contains("href=\"../handouts/map.md\""))
    }

    @Test func textThatLooksLikeMarkupIsEscaped() throws {
        let curriculum = Curriculum(
            id: "p", title: Label("Tom & Jerry <draft>"), language: "en",
            meta: ProgrammeMeta(summary: .paragraph("a \"quoted\" <b>word</b> & more")))
        let document = NativeXMLWriter().document(curriculum)
        #expect(document.contains("<title>Tom &amp; Jerry &lt;draft&gt;</title>"))
        #expect(document.contains("<p>a \"quoted\" &lt;b&gt;word&lt;/b&gt; &amp; more</p>"))
    }

    // MARK: - Helpers

    /// Every location in a model, in a fixed order (members by name, arrays in order).
    static func locations(in curriculum: Curriculum) throws -> [CurriculumModel.SourceLocation] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let tree = try JSONSerialization.jsonObject(with: try encoder.encode(curriculum))
        var found: [CurriculumModel.SourceLocation] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() {
                    if key == "location", let location = object[key] as? [String: Any],
                        let path = location["path"] as? String, let line = location["line"] as? Int,
                        let column = location["column"] as? Int
                    {
                        found.append(CurriculumModel.SourceLocation(path: path, line: line, column: column))
                    } else if let inner = object[key] {
                        walk(inner)
                    }
                }
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(tree)
        return found
    }

    static func temporaryRoot() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("curriculum.json"))
        return folder
    }

    /// The model as JSON without what depends on where it was read from: locations, and resource paths reduced
    /// to the file they name.
    static func comparable(_ curriculum: Curriculum) throws -> String {
        var copy = curriculum
        func rebase(_ resources: inout [Resource]) {
            for index in resources.indices {
                resources[index].href = resources[index].rootRelativePath ?? resources[index].href
                resources[index].baseDirectory = nil
            }
        }
        rebase(&copy.resources)
        for index in copy.modules.indices { rebase(&copy.modules[index].resources) }
        let data = try JSONEncoder().encode(copy)
        let stripped = strip(try JSONSerialization.jsonObject(with: data))
        let normalised = try JSONSerialization.data(withJSONObject: stripped, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: normalised, as: UTF8.self)
    }

    private static func strip(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "location" && $0.key != "placement" }.mapValues(strip)
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
}
