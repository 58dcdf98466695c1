/// A short, escaped preview of bytes a plugin wrote, for protocol-violation messages.
enum Preview {
    static func of(_ bytes: some Collection<UInt8>, limit: Int = 80) -> String {
        var text = ""
        for byte in bytes.prefix(limit) {
            switch byte {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x20..<0x7F: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "\"" + text + "\"" + (bytes.count > limit ? "…" : "")
    }
}
