import Foundation
import Testing

/// Markdown handouts are rendered to pages ready to print: no Markdown syntax, cut lines for `---`, one language
/// per page, and nothing a handout writes can become script or markup of its own.
@Suite struct PrintableHandoutTests {
    static let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path

    static func pack(_ programme: String, _ extra: [String] = []) throws -> (folder: URL, out: URL) {
        let out = try CLI.temporaryFolder()
        let result = try CLI.run(["pack", programme, "--session", "s1", "--format", "html", "--out", out.path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let name = try FileManager.default.contentsOfDirectory(atPath: out.path).first { !$0.hasSuffix(".zip") }
        return (out.appendingPathComponent(name ?? "missing"), out)
    }

    @Test func aCardSetPrintsWithCutLinesAndNoMarkdownSyntax() throws {
        let (folder, out) = try Self.pack(Self.liaise)
        defer { try? FileManager.default.removeItem(at: out) }
        let page = try String(
            contentsOf: folder.appendingPathComponent("handouts/concern-cards.html"), encoding: .utf8)
        #expect(page.contains("<hr class=\"cut\" />"))
        #expect(page.contains("<section class=\"card\">"))
        #expect(page.contains("<strong>Card 1.</strong>"))
        #expect(!page.contains("**"), "no Markdown emphasis is left")
        #expect(!page.contains("\n---"), "no Markdown rule is left")
        #expect(page.contains("@page"), "the pack's print stylesheet is inlined")
        #expect(page.contains("<html lang=\"en\">"))
        #expect(!page.contains("Cartes de situations"), "the English pack prints the English part only")
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("handouts/concern-cards.md").path),
            "the Markdown source stays beside the page")
        let participant = try String(
            contentsOf: folder.appendingPathComponent("participant-pack.html"), encoding: .utf8)
        #expect(participant.contains("href=\"handouts/concern-cards.html\""), "the pack links to the printable page")
    }

    @Test func aFrenchPackPrintsTheFrenchPartOfABilingualHandout() throws {
        let (folder, out) = try Self.pack(Self.liaise, ["--language", "fr"])
        defer { try? FileManager.default.removeItem(at: out) }
        let page = try String(
            contentsOf: folder.appendingPathComponent("handouts/concern-cards.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"fr\">"))
        #expect(page.contains("Cartes de situations"))
        #expect(!page.contains("Concern cards"), "the English part is not printed in the French pack")
    }

    @Test func rawHTMLAndScriptLinksInAHandoutStayOutOfThePage() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let programme = root.appendingPathComponent("leak")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.fixture("leak")), to: programme)
        try """
        # Partner map

        <script>alert("HOSTILE-script")</script>

        <img src=x onerror="HOSTILE-onerror">

        [click](javascript:alert(1)) and [site](https://example.org/map)

        | service | phone |
        |---|---|
        | Police | 101 |
        """.write(
            to: programme.appendingPathComponent("handouts/partner-map.md"), atomically: true, encoding: .utf8)
        let (folder, out) = try Self.pack(programme.path)
        defer { try? FileManager.default.removeItem(at: out) }
        let page = try String(contentsOf: folder.appendingPathComponent("handouts/partner-map.html"), encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("HOSTILE-onerror"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("<a href=\"https://example.org/map\">site</a>"))
        #expect(page.contains("<td>Police</td>"), "GitHub tables are rendered")
    }
}
