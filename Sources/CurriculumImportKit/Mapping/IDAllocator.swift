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
        let prefix = Self.slug(fallback).isEmpty ? "id" : Self.slug(fallback)
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
        let folded = raw.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter =
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == ".")
            if isWordCharacter {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
