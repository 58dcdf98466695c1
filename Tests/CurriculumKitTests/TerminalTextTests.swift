import Testing

@testable import CurriculumKit

@Suite struct TerminalTextTests {
    @Test func controlCharactersAreShownAsEscapes() {
        #expect(TerminalText.escaped("a\nb\rc\td") == #"a\nb\rc\td"#)
        #expect(TerminalText.escaped("\u{1b}]0;title\u{7}") == #"\u{1b}]0;title\u{7}"#)
        #expect(TerminalText.escaped("\u{0}\u{7f}\u{85}\u{9b}") == #"\u{0}\u{7f}\u{85}\u{9b}"#)
        #expect(TerminalText.escaped("abc\u{202e}fdp.exe") == #"abc\u{202e}fdp.exe"#)
    }

    @Test func ordinaryTextIsKeptAsItIs() {
        for text in ["Liège — séance 1", "emoji 🧭", #"C:\path\n"#, "", "a b"] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func escapedLinesKeepTheLineBreaksOfTheMessage() {
        #expect(TerminalText.escapedLines("one \u{1b}[2J\ntwo") == "one \\u{1b}[2J\ntwo")
    }
}
