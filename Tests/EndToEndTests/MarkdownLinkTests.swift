import Foundation
import Testing

/// The Markdown notes are read through CommonMark renderers, many of which pass raw HTML through. Link targets and
/// texts written to break out of their link or into HTML must stay text: the notes of the fixture are rendered by
/// markdown-it-py with raw HTML on, and the HTML it gives must hold links and plain formatting only.
@Suite struct MarkdownLinkTests {
    @Test func hostileLinkTargetsAndTextsRenderAsNoHTMLElement() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", CLI.fixture("hostile-links"), "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = out.appendingPathComponent("links-s1/s1.md").path
        let check = try CLI.run(
            [CLI.fixture("hostile-links/check_markdown.py"), notes], executable: "/usr/bin/python3")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let links = check.stdout.split(separator: "\n").map(String.init)
        // Every web link stays one link, its target whole and encoded; a harmless one is unchanged.
        #expect(links.count == 4, "\(links)")
        #expect(links.contains("https://example.org/q?a=1&b=2"), "\(links)")
        #expect(links.contains { $0.hasPrefix("https://example.org/a)%20%3Cimg") }, "\(links)")
    }
}
