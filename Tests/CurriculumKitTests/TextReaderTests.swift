import CurriculumModel
import CurriculumXML
import Testing

@testable import CurriculumKit

@Suite struct TextReaderTests {
    func element(_ source: String) throws -> XMLNode {
        var bytes = Array(source.utf8)
        let outcome = bytes.withUnsafeMutableBytes { HardenedXMLParser().parse(UnsafeRawBufferPointer($0)) }
        return try #require(outcome.tree).root
    }

    func paragraph(_ inner: String) throws -> [Inline] {
        let blocks = TextReader.blocks(of: try element("<r><p>\(inner)</p></r>"))
        return try #require(blocks.first).inlines
    }

    @Test func paragraphsCollapseWhitespaceAndTrimOnlyTheirOuterEdges() throws {
        #expect(try paragraph("\n  Two   lines\n  of text.\n") == [.text("Two lines of text.")])
        #expect(
            try paragraph(" a  <em> b </em>\n c ")
                == [.text("a "), Inline(kind: .emphasis, children: [.text(" b ")]), .text(" c")])
        #expect(
            try paragraph("\n <em>x</em>\n ") == [Inline(kind: .emphasis, children: [.text("x")])],
            "whitespace-only runs at the edges disappear")
        #expect(try paragraph("   ") == [], "a paragraph of spaces is empty")
        #expect(
            try paragraph("a <strong>b</strong> <em>c</em>")
                == [
                    .text("a "), Inline(kind: .strong, children: [.text("b")]), .text(" "),
                    Inline(kind: .emphasis, children: [.text("c")]),
                ],
            "a space between two inline elements stays")
    }

    @Test func aParagraphEndingInUnknownMarkupIsStillTrimmed() throws {
        #expect(try paragraph(" text <unknown/>") == [.text("text")])
        #expect(try paragraph("<unknown/> text") == [.text("text")])
    }

    @Test func labelsKeepTranslationsAndReadMixedContentAsPlainText() throws {
        let simple = try #require(
            TextReader.label(
                try element(#"<title rev="2"> Plan\#n the  day <t xml:lang="fr" rev="1"> Planifier </t></title>"#)))
        #expect(simple.text == "Plan the day")
        #expect(simple.revision == 2)
        #expect(simple.translations == [Translation(language: "fr", text: "Planifier", revision: 1)])
        let mixed = try #require(TextReader.label(try element("<title>Use <em>two</em>  words</title>")))
        #expect(mixed.text == "Use two words")
        #expect(TextReader.label(try element("<title/>"))?.text == "")
    }

    @Test func collapsingReturnsTextThatNeedsNoChangeAsItIs() {
        #expect(TextReader.collapse("already single spaced") == "already single spaced")
        #expect(TextReader.collapse("\t tabs\r\nand  newlines ") == "tabs and newlines")
        #expect(TextReader.collapse("  ") == "")
        #expect(TextReader.collapse("café  au lait") == "café au lait", "multi-byte characters pass through")
        // Text is checked eight bytes at a time: repeats across and inside those words are found.
        #expect(TextReader.collapse("abcdefg  hijklmnop") == "abcdefg hijklmnop", "two spaces across a word edge")
        #expect(TextReader.collapse("abcdefgh ij  klmnop") == "abcdefgh ij klmnop")
        #expect(TextReader.collapse("abcdefghijklmno\tp") == "abcdefghijklmno p")
        #expect(
            TextReader.collapse("a long line, with one space between words")
                == "a long line, with one space between words")
        #expect(TextReader.collapse("ends with a space after sixteen ") == "ends with a space after sixteen")
    }
}
