/// The text layer of iCalendar (RFC 5545 §3.1–3.3): escaping TEXT values, quoting parameter values, and content
/// lines folded at 75 octets and ended with CRLF.
enum ICSText {
    /// The longest a physical line may be, in octets, not counting the CRLF (RFC 5545 §3.1).
    static let maxLineOctets = 75

    /// Escapes a TEXT value (§3.3.11): backslash, semicolon and comma get a backslash, line breaks become `\n`.
    /// Other control characters, which TEXT does not allow, are dropped; a tab is kept.
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A parameter value (§3.2): quoted when it holds `:`, `;` or `,`; double quotes and control characters, which
    /// a parameter value cannot carry, are dropped.
    static func parameterValue(_ text: String) -> String {
        var cleaned = ""
        for scalar in text.unicodeScalars where scalar != "\"" && scalar.value >= 0x20 && scalar.value != 0x7F {
            cleaned.unicodeScalars.append(scalar)
        }
        return cleaned.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Folds one logical content line into physical lines of at most 75 octets, each ended by CRLF. A continuation
    /// line starts with one space, which counts towards its 75 octets. Lines are only broken between Unicode
    /// scalars, so a multi-byte UTF-8 sequence is never split.
    static func fold(_ line: String) -> String {
        var output = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > maxLineOctets {
                output += "\r\n "
                octets = 1
            }
            output.unicodeScalars.append(scalar)
            octets += width
        }
        return output + "\r\n"
    }
}

/// A calendar being written: logical content lines, folded on output.
struct ICSDocument {
    private var lines: [String] = []

    /// Adds a property whose value is already in its iCalendar form (a DATE-TIME, an offset, an escaped text).
    mutating func raw(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        var line = name
        for (key, parameterValue) in parameters { line += ";\(key)=\(ICSText.parameterValue(parameterValue))" }
        lines.append(line + ":" + value)
    }

    /// Adds a TEXT property, escaping its value.
    mutating func text(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        raw(name, ICSText.escape(value), parameters: parameters)
    }

    mutating func begin(_ component: String) { raw("BEGIN", component) }
    mutating func end(_ component: String) { raw("END", component) }

    /// The whole calendar: every line folded and ended with CRLF.
    var rendered: String { lines.map(ICSText.fold).joined() }
}
