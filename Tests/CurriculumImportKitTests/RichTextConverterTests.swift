import CurriculumModel
import Foundation
import Testing

@testable import CurriculumImportKit

@Suite struct RichTextConverterTests {
    @Test func htmlPagesBecomeParagraphsListsAndEmphasis() {
        let page = """
            <html><head><title>T</title><script>alert('x')</script></head><body>
            <h2>Before the meeting</h2>
            <p>Read the <a href="https://example.org/guide">guide</a> and <b>bring</b> your   map.</p>
            <ul><li>One contact</li><li>One <i>written</i> agreement</li></ul>
            <blockquote>Prevention is local.</blockquote>
            <img src="x.png"><table><tr><td>1</td></tr></table>
            </body></html>
            """
        let result = RichTextConverter.blocks(fromHTML: Data(page.utf8))
        #expect(result.blocks.map(\.kind) == [.paragraph, .paragraph, .bullets, .quote])
        #expect(result.blocks[0].inlines == [Inline(kind: .strong, children: [.text("Before the meeting")])])
        #expect(result.blocks[1].plainText == "Read the guide and bring your map.")
        #expect(result.blocks[1].inlines.contains { $0.kind == .link && $0.href == "https://example.org/guide" })
        #expect(result.blocks[2].items.count == 2)
        #expect(result.dropped == ["img", "table"])
        #expect(!result.blocks.contains { $0.plainText.contains("alert") })
    }

    @Test func looseTextAndBrokenMarkupStillGiveParagraphs() {
        let result = RichTextConverter.blocks(fromHTML: Data("Plain text<p>unclosed<p>second".utf8))
        #expect(result.blocks.map(\.plainText) == ["Plain text", "unclosed", "second"])
    }

    @Test func textLevelWrappersAddNoSpaces() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<p>Fill in the <span>check</span><code>list</code>.</p>".utf8))
        #expect(result.blocks.first?.plainText == "Fill in the checklist.")
    }

    @Test func aParagraphInsideAListItemIsSetApartBySpaces() {
        let result = RichTextConverter.blocks(fromHTML: Data("<ul><li><p>One</p><p>two</p></li></ul>".utf8))
        #expect(result.blocks.first?.items.first?.plainText == "One two")
    }

    @Test func relativeLinksKeepTheirTextButNotTheLink() {
        let result = RichTextConverter.blocks(fromHTML: Data("<p>See <a href=\"/static/a.pdf\">the map</a>.</p>".utf8))
        #expect(result.blocks.first?.inlines == [.text("See the map.")])
    }
}

@Suite struct IDAllocatorTests {
    @Test func makesReadableUniqueNCNames() {
        var ids = IDAllocator()
        #expect(ids.make(from: "Week 1: Intro", fallback: "session") == "week-1-intro")
        #expect(ids.make(from: "Week 1: Intro", fallback: "session") == "week-1-intro-2")
        #expect(ids.make(from: "42", fallback: "item") == "item-42")
        #expect(ids.make(from: "Échanges à Liège", fallback: "x") == "echanges-a-liege")
        #expect(ids.make(from: "¿?", fallback: "unit") == "unit")
        ids.reserve(["taken"])
        #expect(ids.make(from: "taken", fallback: "x") == "taken-2")
    }

    /// ASCII names take a fast path (no folding); it must give what the folding path gives.
    @Test func asciiAndAccentedNamesSlugTheSameWay() {
        #expect(IDAllocator.slug("Module_2.Intro... (Draft)") == "module_2.intro...-draft")
        #expect(IDAllocator.slug("  MIXED case\tand\nbreaks  ") == "mixed-case-and-breaks")
        #expect(IDAllocator.slug("Version 2.0.") == "version-2.0")
        #expect(IDAllocator.slug("MIXED Café") == "mixed-cafe")
        #expect(IDAllocator.slug("Ünit ÉTÉ") == "unit-ete")
    }

    @Test func aSpaceBeforeAClosingInlineTagKeepsWordsApart() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<p>Plan <em>your </em>learning and <strong>share </strong>it.</p>".utf8))
        #expect(result.blocks.first?.plainText == "Plan your learning and share it.")
    }

    @Test func superscriptsAndSubscriptsStayReadable() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<p>E = mc<sup>2</sup>, H<sub>2</sub>O, 2<sup>k</sup>, x<sub>max</sub></p>".utf8))
        #expect(result.blocks.first?.plainText == "E = mc², H₂O, 2^k, x_(max)")
    }

    @Test func nestedListsKeepTheirItemsAfterTheirParent() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<ul><li>Partners<ul><li>Police</li><li>Schools</li></ul></li><li>Budget</li></ul>".utf8))
        #expect(result.blocks.count == 1)
        #expect(result.blocks.first?.items.map(\.plainText) == ["Partners", "– Police", "– Schools", "Budget"])
    }

    @Test func aListDirectlyInsideAListIsKept() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<ol><li>Call</li><ol><li>Write down the time</li></ol><li>Report</li></ol>".utf8))
        #expect(result.blocks.first?.items.map(\.plainText) == ["Call", "– Write down the time", "Report"])
        #expect(result.dropped.isEmpty)
    }

    @Test func unknownInlineElementsKeepTheirText() {
        let result = RichTextConverter.blocks(
            fromHTML: Data("<p>Ask the <custom-term>prevention coordinator</custom-term> first.</p>".utf8))
        #expect(result.blocks.first?.plainText == "Ask the prevention coordinator first.")
    }

    @Test func codeBlocksKeepTheirLines() {
        let result = RichTextConverter.blocks(fromHTML: Data("<pre>line one\nline two</pre>".utf8))
        #expect(result.blocks.map(\.plainText) == ["line one", "line two"])
    }

    @Test func aDeclaredWindows1252CharsetIsRead() {
        var page = Array(#"<html><head><meta charset="windows-1252"></head><body><p>caf"#.utf8)
        page += [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]
        page += Array("</p></body></html>".utf8)
        let result = RichTextConverter.blocks(fromHTML: Data(page))
        #expect(result.blocks.first?.plainText == "café \u{201C}ok\u{201D}")
    }

    @Test func aCharsetDeclaredInCapitalsInAContentAttributeIsReadAndAnUnknownOneIsUTF8() {
        var page = Array(
            #"<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=Windows-1252">"#.utf8)
        page += Array("</HEAD><BODY><P>caf".utf8) + [0xE9] + Array("</P></BODY></HTML>".utf8)
        #expect(RichTextConverter.blocks(fromHTML: Data(page)).blocks.first?.plainText == "café")
        let unknown = Array(#"<meta charset="koi8-r"><p>café</p>"#.utf8)
        #expect(RichTextConverter.blocks(fromHTML: Data(unknown)).blocks.first?.plainText == "café")
    }

    @Test func collapsingTurnsEveryKindOfSpaceRunIntoOneSpaceAndLeavesOtherTextAlone() {
        let cases: [(String, String)] = [
            ("single spaced words", "single spaced words"),
            ("two  spaces\tand a tab", "two spaces and a tab"),
            ("\r\n lines\n\n", " lines "),
            ("no\u{A0}break and\u{2003}em\u{3000}ideographic", "no break and em ideographic"),
            ("curly \u{2019}quotes\u{2019} – dashes…  café", "curly \u{2019}quotes\u{2019} – dashes… café"),
            ("\u{2028}line separator\u{205F}", " line separator "),
            ("", ""),
        ]
        for (text, expected) in cases {
            #expect(RichTextConverter.collapse(text) == expected, "\(text.debugDescription)")
        }
    }
}
