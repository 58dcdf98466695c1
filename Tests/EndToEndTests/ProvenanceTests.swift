import Foundation
import Testing

/// A programme says who wrote it and that real bodies did not endorse it; a delivery can be an invented example.
/// Packs show both on their covers, so nobody mistakes the material for an organisation's own.
@Suite struct ProvenanceTests {
    static let programme = CLI.fixture("provenance/mini.xml")

    @Test func everyPackCoverShowsTheProvenanceStatementAndTheFictionalCohortNotice() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.programme, "--out", out.path, "--format", "html", "--format", "md"])
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["facilitator-guide.html", "participant-pack.html", "s1.md"] {
            let text = try String(contentsOf: out.appendingPathComponent("mini-s1/" + file), encoding: .utf8)
            #expect(text.contains("no real body produced or endorsed it"), "\(file) lacks the provenance statement")
            #expect(text.contains("fictional example"), "\(file) lacks the fictional cohort notice")
        }
    }

    @Test func aFrenchPackShowsTheFrenchStatement() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(
            ["pack", Self.programme, "--out", out.path, "--format", "html", "--language", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        let pack = try String(
            contentsOf: try #require(
                FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.allObjects
                    .compactMap { $0 as? URL }.first { $0.lastPathComponent == "participant-pack.html" }),
            encoding: .utf8)
        #expect(pack.contains("aucun organisme réel ne l&#39;a produit ni approuvé"))
        #expect(pack.contains("exemple fictif"))
    }
}
