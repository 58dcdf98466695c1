/// Text that came from outside the program (file names, curriculum content, anything a plugin says) made safe to
/// print on a terminal. Every text-mode printer passes such text through ``escaped(_:)`` before writing it.
///
/// A raw control character lets that text act on the terminal instead of being read: a newline starts a line
/// that looks like a diagnostic of its own, `ESC ] 0 ; … BEL` retitles the window, other escape sequences move
/// the cursor or recolour the screen. So every C0 control (U+0000–U+001F, tab and newline included), DEL
/// (U+007F), every C1 control (U+0080–U+009F) and the Unicode bidirectional controls (which can make text read
/// differently from what it is) are shown as escapes in Swift's notation: `\n`, `\r`, `\t` for the three common
/// ones, `\u{1b}` (lowercase hex) for the rest. Everything else, including other non-ASCII text, is kept.
/// Backslashes are kept as they are: the aim is a harmless display, not a reversible encoding.
public enum TerminalText {
    /// The text with every control character escaped.
    public static func escaped(_ text: String) -> String {
        // Printable ASCII, nearly every message and path, needs nothing: its bytes tell that without decoding.
        var bytes = text
        if bytes.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return text }
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscaping(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return result
    }

    /// Each line of a message escaped on its own, keeping the line breaks the message was built with. For
    /// messages whose parts were already escaped where they were put together; this catches what was not.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(
            separator: "\n")
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
