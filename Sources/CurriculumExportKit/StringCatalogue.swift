import CurriculumModel
import Foundation
import Synchronization

/// The words exporters write around the content (headings, column names, kinds of activity) in one language,
/// read from the translators' catalogues (`Resources/strings/<language>.json`, embedded in the binary).
///
/// A language without a catalogue, and any key a catalogue lacks, falls back to English, so a partly translated
/// catalogue still gives whole pages. ``missingKeys(in:)`` lists what a translator still has to do.
public struct StringCatalogue: Sendable {
    /// The BCP 47 tag asked for.
    public let language: String
    /// Every string, English filled in where the language's catalogue has none.
    public let strings: [String: String]

    /// The catalogue for a language: its base tag's file (`fr` for `fr-BE`) over English.
    public init(language: String) {
        self.language = language
        var strings = Self.catalogue(named: "en")
        let base = Self.baseLanguage(language)
        if base != "en" { strings.merge(Self.catalogue(named: base)) { _, translated in translated } }
        self.strings = strings
    }

    /// The string for a key, or the key itself when no catalogue has it (a visible, testable mistake).
    public subscript(_ key: String) -> String { strings[key] ?? key }

    /// A value from one of the vocabularies (`kind.group-work`, `per.participant`…), or the raw value.
    public func term(_ vocabulary: String, _ value: String) -> String { strings["\(vocabulary).\(value)"] ?? value }

    /// Who does a preparation task (`organiser`, `safeguarding lead`, `lead-facilitator`…) in this language when
    /// it names a known role (spaces and hyphens alike), else as written.
    public func role(_ owner: String) -> String {
        let key = owner.lowercased().split(separator: " ").joined(separator: "-")
        return strings["facilitatorRole.\(key)"] ?? owner
    }

    /// A count with its unit, singular or plural as the language wants: "1 day", "14 days", "0 jour".
    public func counted(_ count: Int, _ unit: String) -> String {
        let singular = count == 1 || (Self.baseLanguage(language) == "fr" && count == 0)
        return "\(count) " + self[singular ? "unit.\(unit)" : "unit.\(unit)s"]
    }

    /// An ISO 8601 lead time as a phrase: `P14D` → "14 days before", `P2W` → "2 weeks before", `PT2H` → "2 hours
    /// before"; `nil` when the text is not a duration.
    public func leadTime(_ text: String) -> String? {
        guard let minutes = ISODuration(text)?.minutes else { return nil }
        let day = 24 * 60
        let usesWeeks = text.contains("W") && !text.contains("D") && !text.contains("T")
        let amount: String
        if usesWeeks && minutes % (7 * day) == 0 {
            amount = counted(minutes / (7 * day), "week")
        } else if minutes % day == 0 {
            amount = counted(minutes / day, "day")
        } else if minutes % 60 == 0 {
            amount = counted(minutes / 60, "hour")
        } else {
            amount = counted(minutes, "minute")
        }
        return amount + " " + self["before"]
    }

    /// A time zone named in this catalogue's language, with its IANA ID so it stays unambiguous: "heure d’Europe
    /// centrale (Europe/Brussels)", "Central European Time (Europe/Brussels)". The name comes from the ICU data
    /// built into Foundation (fixed for a toolchain, so packs stay reproducible); an ID it does not know is given
    /// as it is.
    public func timeZone(_ identifier: String) -> String {
        guard let zone = TimeZone(identifier: identifier),
            let name = zone.localizedName(for: .generic, locale: Locale(identifier: language)), !name.isEmpty,
            name != identifier
        else { return identifier }
        return "\(name) (\(identifier))"
    }

    /// The languages that have a catalogue, sorted.
    public static var languages: [String] { EmbeddedStrings.catalogues.keys.sorted() }

    /// The keys English has and a language's catalogue lacks, sorted.
    public static func missingKeys(in language: String) -> [String] {
        let english = catalogue(named: "en")
        let other = catalogue(named: baseLanguage(language))
        return english.keys.filter { other[$0] == nil }.sorted()
    }

    /// `fr` for `fr-BE`, lower-cased.
    public static func baseLanguage(_ tag: String) -> String {
        tag.split(separator: "-").first.map { String($0).lowercased() } ?? "en"
    }

    /// One embedded catalogue decoded; empty when there is none for the name (checked by the tests for the
    /// shipped files, so a broken file cannot reach a user).
    static func catalogue(named name: String) -> [String: String] {
        decoded.withLock { decoded in
            if let known = decoded[name] { return known }
            let strings =
                EmbeddedStrings.catalogues[name].flatMap {
                    try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
                } ?? [:]
            decoded[name] = strings
            return strings
        }
    }

    /// Each catalogue decoded once per process: an exporter asks for one per session.
    private static let decoded = Mutex<[String: [String: String]]>([:])
}
