import Foundation

/// Makes the programme-wide IDs of an import: XML NCNames (letters, digits, `-`, `_`, `.`, starting with a letter
/// or `_`), readable, at most 64 characters, and unique within one import.
public struct IDAllocator: Sendable {
    private var taken: Set<String> = []

    /// Creates an allocator with nothing taken.
    public init() {}

    /// Marks IDs as used, so ``make(from:fallback:)`` never returns them.
    public mutating func reserve(_ ids: some Sequence<String>) {
        taken.formUnion(ids)
    }

    /// An unused ID derived from a name in the source.
    ///
    /// - Parameters:
    ///   - raw: A name, title or identifier from the source (`"Week 1: Intro"`, `"i4f7c…"`).
    ///   - fallback: A prefix used when `raw` yields nothing usable, or starts with a digit.
    /// - Returns: For example `week-1-intro`, `week-1-intro-2` the second time, `item-42` for `"42"`.
    public mutating func make(from raw: String, fallback: String) -> String {
        var base = Self.slug(raw)
        let fallbackSlug = Self.slug(fallback)
        let prefix = fallbackSlug.isEmpty ? "id" : fallbackSlug
        if base.isEmpty {
            base = prefix
        } else if let first = base.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") {
            base = prefix + "-" + base
        }
        if base.count > 64 { base = String(base.prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: "-.")) }
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Lower-case ASCII letters and digits with single dashes between words; accents are folded away.
    static func slug(_ raw: String) -> String {
        // ASCII text (nearly every name) has no accents to fold: only its case changes, byte by byte.
        let isASCII = raw.utf8.allSatisfy { $0 < 0x80 }
        let folded =
            isASCII ? raw : raw.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result: [UInt8] = []
        result.reserveCapacity(folded.utf8.count)
        var pendingDash = false
        for byte in folded.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            let isWordCharacter =
                (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) || lower == UInt8(ascii: "_")
                || lower == UInt8(ascii: ".")
            if isWordCharacter {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(lower)
            } else {
                pendingDash = true
            }
        }
        while result.last == UInt8(ascii: ".") { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }
}
