import CurriculumExportKit
import Testing

/// One link policy for every exporter: web and mail links only, nothing with a space or control character inside.
@Suite struct LinkPolicyTests {
    @Test(arguments: ["https://example.org/a?b=c", "http://example.org", "mailto:a@example.org", " HTTPS://X.ORG "])
    func webAndMailLinksAreKept(href: String) {
        #expect(LinkPolicy.safeExternalHref(href) != nil)
    }

    @Test(arguments: [
        "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "handouts/a.md", "https://a b", "",
        "http://a\u{7F}",
    ])
    func everythingElseStaysText(href: String) {
        #expect(LinkPolicy.safeExternalHref(href) == nil)
    }
}
