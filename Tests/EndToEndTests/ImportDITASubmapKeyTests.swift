import Foundation
import Testing

/// Keys defined in a submap (`mapref` to a map of `keydef`s, as most DITA courses keep them) resolve `keyref` and
/// `conkeyref` in topics the parent map references: the first definition in map order wins and the root map's
/// definitions come first; a key's `href` is relative to the map that defines it.
@Suite struct ImportDITASubmapKeyTests {
    static func imported() throws -> (folder: URL, xml: String, result: CLI.Result) {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("course.xml").path
        let result = try CLI.run([
            "import", CLI.fixture("import/dita/submap-keys/maps/course.ditamap"), "--out", out, "--format", "json",
        ])
        let xml = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return (folder, xml, result)
    }

    @Test func aTopicReferenceResolvesAKeyDefinedInASubmapRelativeToThatSubmap() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(xml.contains("<title>Before you refer</title>"))
        #expect(!(try result.diagnostics().contains { $0.code == "DITA006" || $0.code == "DITA003" }))
    }

    @Test func inlineKeysResolveWithTheRootMapsDefinitionTakingPrecedence() throws {
        let (folder, xml, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("Refer to the ROOTKEY prevention panel through the SUBMAPKEY duty coordinator."), "\(xml)")
        #expect(!xml.contains("overridden by the root map"))
    }

    @Test func aConkeyrefTakesTheContentOfTheElementTheKeysTopicHolds() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<p>REUSEMARK Never promise to keep a disclosure secret.</p>"), "\(xml)")
        #expect(!xml.contains("stand-in text"))
        #expect(!(try result.diagnostics().contains { $0.code == "DITA014" && $0.message.contains("shared/") }))
    }

    @Test func anUndefinedKeyIsAFindingAtItsReferenceAndTheOwnTextIsKept() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let undefined = try result.diagnostics().filter { $0.code == "DITA007" }
        #expect(undefined.count == 2, "\(undefined)")
        #expect(undefined.contains { $0.path.hasSuffix("topics/intro.dita") && $0.line == 10 })
        #expect(undefined.contains { $0.path.hasSuffix("topics/intro.dita") && $0.line == 11 })
        #expect(xml.contains("OWNTEXT named contact"))
        #expect(xml.contains("OWNTEXT-REUSE Kept when the key is unknown."))
    }
}
