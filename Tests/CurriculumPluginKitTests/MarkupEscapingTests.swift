import CurriculumPluginKit
import Testing

@Suite struct MarkupEscapingTests {
    @Test func textEscapesMarkupAndDropsWhatXMLForbids() {
        #expect(MarkupEscaping.text("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        #expect(MarkupEscaping.text("bell\u{07}\u{FFFE}end") == "bellend")
        #expect(MarkupEscaping.text("line\r\nnext") == "line&#13;\nnext")
    }

    @Test func textWithNothingToEscapeIsKeptAsIsAndCharactersLedBy0xEFStay() {
        #expect(MarkupEscaping.text("plain café text") == "plain café text")
        // U+FF01 starts with the byte 0xEF like U+FFFE, and is allowed.
        #expect(MarkupEscaping.text("wow\u{FF01}\u{FFFF}") == "wow\u{FF01}")
        #expect(MarkupEscaping.attribute("a\u{7F}b") == "a\u{7F}b")
    }

    @Test func attributesAlsoKeepQuotesAndWhitespace() {
        #expect(MarkupEscaping.attribute("say \"hi\"\tthen\nstop") == "say &quot;hi&quot;&#9;then&#10;stop")
    }
}
