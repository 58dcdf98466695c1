import CurriculumModel
import Foundation

/// What the titles of a course outline say about their items: the kind of a break or a welcome, and the
/// `Day 2:` prefix of a day that the model numbers itself.
enum TitleConventions {
    /// Title starts that name an agenda kind, checked in order; only short titles count, so that "Lunch" is a
    /// meal but "What we learnt over lunch with the mayor" is not.
    private static let kinds: [(words: [String], kind: ActivityKind, maxWords: Int)] = [
        (["welcome"], .welcome, 8),
        (["coffee", "break"], .break, 4),
        (["tea", "break"], .break, 4),
        (["morning", "break"], .break, 4),
        (["afternoon", "break"], .break, 4),
        (["break"], .break, 3),
        (["lunch"], .meal, 4),
        (["dinner"], .meal, 4),
        (["energiser"], .energiser, 6),
        (["energizer"], .energiser, 6),
        (["icebreaker"], .energiser, 6),
        (["closing"], .closing, 8),
        (["evaluation"], .evaluation, 8),
        (["session", "evaluation"], .evaluation, 4),
        (["feedback"], .evaluation, 6),
        (["role", "play"], .rolePlay, 12),
        (["role-play"], .rolePlay, 12),
        (["case", "study"], .caseDiscussion, 12),
        (["case"], .caseDiscussion, 12),
        (["group", "work"], .groupWork, 12),
        (["site", "visit"], .siteVisit, 12),
        (["discussion"], .plenary, 12),
    ]

    /// The kind a title names, or `nil` for an ordinary title.
    static func kind(forTitle title: String) -> ActivityKind? {
        let words = words(of: title)
        for entry in kinds where words.count <= entry.maxWords && words.starts(with: entry.words) {
            return entry.kind
        }
        return nil
    }

    /// Phrases that tell participants to work in small groups.
    private static let groupWorkPhrases = [
        "in groups", "groups of", "in your group", "in small groups", "small-group", "in pairs", "in threes",
        "group work", "group-work",
    ]

    /// Whether instructions tell participants to work in small groups (`In groups of four…`); a mention of "the
    /// steering group" does not count.
    static func mentionsGroupWork(_ text: String) -> Bool {
        let flat = words(of: text).joined(separator: " ")
        return groupWorkPhrases.contains { flat.contains($0) }
    }

    /// The title without a leading `Day 2:` or `Day 1 (2027-03-09):`; the title itself when nothing else is left.
    static func dayTitle(_ title: String) -> String {
        let scanner = Scanner(string: title)
        scanner.charactersToBeSkipped = .whitespaces
        guard scanner.scanString("Day") != nil || scanner.scanString("day") != nil, scanner.scanInt() != nil
        else { return title }
        if scanner.scanString("(") != nil {
            _ = scanner.scanUpToString(")")
            guard scanner.scanString(")") != nil else { return title }
        }
        guard scanner.scanCharacters(from: CharacterSet(charactersIn: ":.–-")) != nil else { return title }
        let rest = String(title[scanner.currentIndex...]).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? title : rest
    }

    private static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }
}
