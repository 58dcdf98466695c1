import CurriculumExportKit
import CurriculumModel

/// The words of the pages themselves (headings, column names, kinds of activity) in the language being rendered.
///
/// The words come from the export kit's catalogues (`Sources/CurriculumExportKit/Resources/strings/*.json`);
/// a language without one falls back to English for these words while the content itself is rendered in the
/// requested language wherever the curriculum has a translation. Templates reach these strings as `{{t.key}}`.
struct UIText {
    let language: String
    let strings: [String: String]
    let catalogue: StringCatalogue

    init(language: String) {
        self.language = language
        self.catalogue = StringCatalogue(language: language)
        self.strings = catalogue.strings
    }

    subscript(_ key: String) -> String { strings[key] ?? key }

    /// A value from one of the vocabularies (`kind.group-work`, `per.participant`…), or the raw value.
    func term(_ vocabulary: String, _ value: String) -> String {
        strings["\(vocabulary).\(value)"] ?? value
    }

    var isFrench: Bool { language.lowercased().hasPrefix("fr") }

    // MARK: - Durations, dates and counts

    /// A duration in minutes: `45 min`, `1 h 30 min`.
    func duration(_ minutes: Int) -> String { ISODuration(minutes: minutes).humanReadable }

    /// An ISO lead time as a phrase: `P14D` → "14 days before", `P2W` → "2 weeks before" (the kit's wording, shared
    /// with the cartridge).
    func leadTime(_ text: String) -> String? { catalogue.leadTime(text) }

    /// "1 day", "14 days", "2 semaines".
    func counted(_ count: Int, _ unit: String) -> String { catalogue.counted(count, unit) }

    /// A calendar date written out: "Tuesday 9 March 2027", "mardi 9 mars 2027".
    func date(_ iso: String) -> String {
        guard let components = CalendarDate.components(iso), let year = components.year,
            let month = components.month, let day = components.day
        else { return iso }
        let weekday = Self.weekday(year: year, month: month, day: day)
        let dayText = day == 1 ? self["ordinal.1"] : "\(day)"
        return "\(self["weekday.\(weekday + 1)"]) \(dayText) \(self["month.\(month)"]) \(year)"
    }

    /// 0 = Monday … 6 = Sunday, in the proleptic Gregorian calendar.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        // Sakamoto's method gives 0 = Sunday.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return (sunday0 + 6) % 7
    }
}
