import Foundation

extension String {
    /// The string without white space or line breaks at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it.
    ///
    /// A name or title read from a course rarely has any, and asking Foundation costs a bridge to `NSString` and
    /// back for every one: when both ends are ASCII characters that are not white space, the string is returned
    /// as it is, without that round trip.
    public func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isPlainASCII(first) && Self.isPlainASCII(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a byte is an ASCII character other than white space and control characters.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
