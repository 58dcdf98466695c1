import CurriculumPluginKit
import Testing

@Suite struct MarkupEscapingTests {
    @Test func textEscapesMarkupAndDropsWhatXMLForbids() {
        #expect(MarkupEscaping.text("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        #expect(MarkupEscaping.text("bell\u{07}\u{FFFE}end") == "bellend")
        #expect(MarkupEscaping.text("line\r\nnext") == "line&#13;\nnext")
    }

    @Test func attributesAlsoKeepQuotesAndWhitespace() {
        #expect(MarkupEscaping.attribute("say \"hi\"\tthen\nstop") == "say &quot;hi&quot;&#9;then&#10;stop")
    }
}
