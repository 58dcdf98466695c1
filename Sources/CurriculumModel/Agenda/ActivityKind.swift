/// What an agenda item or activity is. Unknown kinds from newer producers are kept as written.
public struct ActivityKind: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static let welcome = ActivityKind(rawValue: "welcome")
    public static let input = ActivityKind(rawValue: "input")
    public static let plenary = ActivityKind(rawValue: "plenary")
    public static let groupWork = ActivityKind(rawValue: "group-work")
    public static let caseDiscussion = ActivityKind(rawValue: "case-discussion")
    public static let rolePlay = ActivityKind(rawValue: "role-play")
    public static let exercise = ActivityKind(rawValue: "exercise")
    public static let energiser = ActivityKind(rawValue: "energiser")
    public static let evaluation = ActivityKind(rawValue: "evaluation")
    public static let `break` = ActivityKind(rawValue: "break")
    public static let meal = ActivityKind(rawValue: "meal")
    public static let closing = ActivityKind(rawValue: "closing")
    public static let siteVisit = ActivityKind(rawValue: "site-visit")
    public static let travel = ActivityKind(rawValue: "travel")
    public static let meeting = ActivityKind(rawValue: "meeting")

    /// Kinds that give participants a rest: they reset the "time without a break" count.
    public var isPause: Bool { self == .break || self == .meal || self == .travel }

    /// Kinds where participants work on a task and need written instructions.
    public var needsParticipantInstructions: Bool {
        [.groupWork, .caseDiscussion, .rolePlay, .exercise, .siteVisit].contains(self)
    }
}
