/// A cheap look at a text's bytes, so the costly expressions of ``SensitiveTextDetector`` only run on the few
/// texts that could match. What it looks for comes from the detector's patterns (``ScreenTables``): bytes such as
/// `@`, enough digits, markers such as `AKIA`, and a keyword before `:` or `=`.
struct TextScreen {
    private let tables = SensitiveTextDetector.screen
    private var digits = 0
    private var found = false

    /// Whether anything seen so far could hold personal data or a secret.
    var verdict: Bool { found || digits >= tables.digitThreshold }

    mutating func look(_ text: String) {
        guard !found else { return }
        var hasSeparator = false
        var copy = text
        copy.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count {
                // Every byte that matters lies between '-' and '_' (ScreenTables.isScreened). Eight bytes are
                // tested at once, and a word of lower-case letters, spaces and multi-byte characters, most of any
                // text, is passed over.
                if index + 8 <= bytes.count,
                    !Self.holdsByteFromDashToUnderscore(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                for position in index..<min(index + 8, bytes.count) {
                    look(at: position, in: bytes, hasSeparator: &hasSeparator)
                    if found { return }
                }
                index += 8
            }
        }
        // A separator only matters after a keyword; the keyword search runs once per text, not once per separator.
        if !found && hasSeparator { found = tables.hasKeyword(text) }
    }

    private mutating func look(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, hasSeparator: inout Bool) {
        let role = tables.roles[Int(bytes[index])]
        if role.isEmpty { return }
        if role.contains(.trigger) {
            found = true
        } else if role.contains(.digit) {
            digits += 1
        } else if role.contains(.separator) {
            hasSeparator = true
        }
        if role.contains(.marker) && tables.hasMarker(at: index, in: bytes) { found = true }
    }

    /// Whether any of eight bytes is in '-'...'_' (0x2D...0x5F), without a branch per byte. Per byte, the high
    /// bit of the result is set exactly when the byte is below 0x80, below 0x60 and at least 0x2D; no step can
    /// borrow or carry into the next byte.
    private static func holdsByteFromDashToUnderscore(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (ones &* 0x7F)
        let belowUnderscore = (ones &* 0xDF) &- low
        let fromDash = low &+ (ones &* 0x53)
        return belowUnderscore & ~word & fromDash & (ones &* 0x80) != 0
    }
}
