import Foundation

/// The byte pre-filter of ``SensitiveTextDetector``, built from its patterns' triggers: which bytes matter, the
/// markers each byte may end or start, the keywords, and how many digits are enough.
final class ScreenTables: Sendable {
    /// What a byte means to the screen; a byte may mean several things.
    struct ByteRole: OptionSet, Sendable {
        let rawValue: UInt8
        /// The byte alone lets a text through (`@`).
        static let trigger = ByteRole(rawValue: 1)
        /// `:` or `=`, which a keyword needs.
        static let separator = ByteRole(rawValue: 2)
        /// An ASCII digit, counted.
        static let digit = ByteRole(rawValue: 4)
        /// The byte of some marker that the screen checks the marker at.
        static let marker = ByteRole(rawValue: 8)
    }

    /// A marker and where in it its screened byte is.
    struct Marker: Sendable {
        var bytes: [UInt8]
        var offset: Int
    }

    /// Every distinct trigger, in pattern order.
    let triggers: [SensitivePattern.Trigger]
    /// The role of each byte value.
    let roles: [ByteRole]
    /// For each byte value, the markers screened at it.
    let markers: [[Marker]]
    /// Every keyword, lower-case.
    let keywords: [[UInt8]]
    /// Whether a lower-case byte can start a keyword.
    private let keywordStarts: [Bool]
    /// How many digits let a text through (`Int.max` when no pattern counts digits).
    let digitThreshold: Int
    /// Triggers the screen cannot look for (a byte or marker with no byte between `-` and `_`). The unit tests
    /// require this to be empty; every pattern's example would otherwise fail the screen.
    let unscreenable: [SensitivePattern.Trigger]

    init(_ all: [SensitivePattern.Trigger]) {
        var triggers: [SensitivePattern.Trigger] = []
        for trigger in all where !triggers.contains(trigger) { triggers.append(trigger) }
        var roles = [ByteRole](repeating: [], count: 256)
        var markers = [[Marker]](repeating: [], count: 256)
        var keywords: [[UInt8]] = []
        var threshold = Int.max
        var unscreenable: [SensitivePattern.Trigger] = []
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { roles[Int(byte)].insert(.digit) }
        for trigger in triggers {
            switch trigger {
            case .byte(let byte):
                if Self.isScreened(byte) { roles[Int(byte)].insert(.trigger) } else { unscreenable.append(trigger) }
            case .digits(let count): threshold = min(threshold, count)
            case .marker(let text):
                let bytes = Array(text.utf8)
                // Screened at its first byte that is not a letter or digit, which are common in text, else its last.
                let candidates = bytes.indices.filter { Self.isScreened(bytes[$0]) }
                guard let last = candidates.last else {
                    unscreenable.append(trigger)
                    continue
                }
                let offset = candidates.first { !Self.isLetterOrDigit(bytes[$0]) } ?? last
                roles[Int(bytes[offset])].insert(.marker)
                markers[Int(bytes[offset])].append(Marker(bytes: bytes, offset: offset))
            case .keywordAndSeparator(let words):
                keywords += words.map { Array($0.lowercased().utf8) }
                roles[Int(UInt8(ascii: ":"))].insert(.separator)
                roles[Int(UInt8(ascii: "="))].insert(.separator)
            }
        }
        var starts = [Bool](repeating: false, count: 256)
        for keyword in keywords where !keyword.isEmpty { starts[Int(keyword[0])] = true }
        self.triggers = triggers
        self.roles = roles
        self.markers = markers
        self.keywords = keywords.filter { !$0.isEmpty }
        self.keywordStarts = starts
        self.digitThreshold = threshold
        self.unscreenable = unscreenable
    }

    /// The screen only looks at bytes from `-` to `_` (see ``TextScreen``).
    static func isScreened(_ byte: UInt8) -> Bool { byte >= 0x2D && byte <= 0x5F }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The position of a trigger in ``triggers``.
    func index(of trigger: SensitivePattern.Trigger) -> Int { triggers.firstIndex(of: trigger) ?? -1 }

    /// Whether a marker is at the screened byte at `index`.
    func hasMarker(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for marker in markers[Int(bytes[index])] {
            let start = index - marker.offset
            guard start >= 0, start + marker.bytes.count <= bytes.count else { continue }
            if marker.bytes.indices.allSatisfy({ bytes[start + $0] == marker.bytes[$0] }) { return true }
        }
        return false
    }

    /// Whether a text holds one of the keywords, in any case. One pass over the bytes: each byte that can start a
    /// keyword is tried against the keywords.
    func hasKeyword(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            for start in bytes.indices where keywordStarts[Int(Self.lowered(bytes[start]))] {
                let first = Self.lowered(bytes[start])
                for keyword in keywords where keyword[0] == first && matches(keyword, in: bytes, at: start) {
                    return true
                }
            }
            return false
        }
    }

    /// The positions in ``triggers`` of every trigger a whole text has: the slow, exact form of the screen, run
    /// only on the texts the screen let through.
    func triggersPresent(in text: String) -> Set<Int> {
        var present = Set<Int>()
        var digits = 0
        var hasSeparator = false
        for byte in text.utf8 {
            if roles[Int(byte)].contains(.digit) { digits += 1 }
            if roles[Int(byte)].contains(.separator) { hasSeparator = true }
        }
        let lowered = text.lowercased()
        for (index, trigger) in triggers.enumerated() {
            let found: Bool
            switch trigger {
            case .byte(let byte): found = text.utf8.contains(byte)
            case .digits(let count): found = digits >= count
            case .marker(let marker): found = text.withCString { strstr($0, marker) != nil }
            case .keywordAndSeparator(let words):
                found = hasSeparator && words.contains { lowered.contains($0) }
            }
            if found { present.insert(index) }
        }
        return present
    }

    private func matches(_ keyword: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + keyword.count <= bytes.count else { return false }
        for offset in 1..<keyword.count where Self.lowered(bytes[start + offset]) != keyword[offset] { return false }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
