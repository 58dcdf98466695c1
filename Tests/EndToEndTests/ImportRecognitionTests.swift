import Foundation
import Testing

/// `--from auto` asks the installed importers: each declares marker files, file endings and root elements in its
/// capabilities, and the core, which knows no import format itself, goes by them.
@Suite struct ImportRecognitionTests {
    static let notes = CLI.fixture("plugins/importers/recognises-notes.sh")

    @Test(arguments: ["marker", "ending", "root"])
    func anImporterIsChosenByWhatItDeclares(sign: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source: URL
        switch sign {
        case "marker":
            source = folder.appendingPathComponent("course")
            try FileManager.default.createDirectory(
                at: source.appendingPathComponent("inner"), withIntermediateDirectories: true)
            try Data("n".utf8).write(to: source.appendingPathComponent("inner/notes.txt"))
        case "ending":
            source = folder.appendingPathComponent("week.NOTES")
            try Data("n".utf8).write(to: source)
        default:
            source = folder.appendingPathComponent("week.xml")
            try Data("<?xml version=\"1.0\"?>\n<!-- a note -->\n<n:notebook xmlns:n=\"urn:x\"/>".utf8).write(to: source)
        }
        let result = try CLI.run(["import", source.path, "--plugin", Self.notes])
        #expect(result.status == 3, "\(sign): \(result.stderr)")
        #expect(
            result.stderr.contains("returned error -32603 while handling import: chosen for notes"), "\(result.stderr)")
    }

    @Test func anUnrecognisedSourceNamesWhatTheInstalledImportersLookFor() throws {
        let result = try CLI.run(["import", CLI.fixture("import/olx/not-a-course"), "--plugin", Self.notes])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no installed importer recognises it"), "\(result.stderr)")
        #expect(result.stderr.contains("notes: notes.txt, .notes, <notebook>"), "\(result.stderr)")
        #expect(result.stderr.contains("olx: course.xml"), "\(result.stderr)")
    }

    @Test func theCoreLibraryDoesNotDependOnTheImportKit() throws {
        let manifest = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let core = try #require(manifest.range(of: "name: \"CurriculumKit\",\n            dependencies: ["))
        let list = manifest[core.upperBound...].prefix { $0 != "]" }
        #expect(!list.contains("CurriculumImportKit"), "\(list)")
        #expect(manifest.contains(#".library(name: "CurriculumImportKit", targets: ["CurriculumImportKit"])"#))
    }
}
