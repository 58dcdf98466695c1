/// The bytes a JSON string cannot hold as they are: `"`, `\` and control characters. Strings are scanned for them
/// eight bytes at a time, since a model's text is nearly all plain prose.
enum JSONStringBytes {
    /// Whether a byte must be escaped in a JSON string.
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first special byte at or after `start`, or `count` when there is none.
    static func firstSpecial(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if hasSpecial(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { break }
            index += 8
        }
        while index < count, !isSpecial(base[index]) { index += 1 }
        return index
    }

    /// Whether any of eight bytes is special: a byte below 0x20, or one equal to `"` or `\` (a zero byte after an
    /// exclusive or), found with the usual word-at-a-time tests, which report no byte that is not there.
    private static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            || hasZero(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
    }
}
