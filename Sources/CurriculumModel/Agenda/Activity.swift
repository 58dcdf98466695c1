/// A timed activity: a module's activity, or an item on a day's agenda.
///
/// When a session places a module activity with `<use>`, the loaded agenda holds a copy of the activity with
/// ``module`` set and ``placement`` pointing at the `<use>` element.
public struct Activity: Codable, Sendable, Equatable {
    public var id: String
    public var kind: ActivityKind
    public var title: Label
    /// The ISO 8601 duration as written (`PT45M`); see ``ISODuration``.
    public var duration: String?
    public var minDuration: String?
    public var maxDuration: String?
    public var develops: [String]
    public var assesses: [String]
    public var resources: [String]
    public var cases: [String]
    public var grouping: String?
    public var mode: String?
    public var sensitivity: String?
    public var audience: Visibility?
    public var purpose: RichText?
    public var steps: [Step]
    public var participantInstructions: RichText?
    public var facilitatorNotes: RichText?
    public var debrief: [Label]
    public var variants: [Variant]
    public var sensitivityNote: RichText?
    /// The module this activity belongs to, when it was placed from one.
    public var module: String?
    /// Where the `<use>` that placed it is, when it was placed from a module.
    public var placement: SourceLocation?
    public var location: SourceLocation?

    /// Creates an activity.
    public init(
        id: String, kind: ActivityKind, title: Label, duration: String? = nil, minDuration: String? = nil,
        maxDuration: String? = nil, develops: [String] = [], assesses: [String] = [], resources: [String] = [],
        cases: [String] = [], grouping: String? = nil, mode: String? = nil, sensitivity: String? = nil,
        audience: Visibility? = nil, purpose: RichText? = nil, steps: [Step] = [],
        participantInstructions: RichText? = nil, facilitatorNotes: RichText? = nil, debrief: [Label] = [],
        variants: [Variant] = [], sensitivityNote: RichText? = nil, module: String? = nil,
        placement: SourceLocation? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.duration = duration
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.develops = develops
        self.assesses = assesses
        self.resources = resources
        self.cases = cases
        self.grouping = grouping
        self.mode = mode
        self.sensitivity = sensitivity
        self.audience = audience
        self.purpose = purpose
        self.steps = steps
        self.participantInstructions = participantInstructions
        self.facilitatorNotes = facilitatorNotes
        self.debrief = debrief
        self.variants = variants
        self.sensitivityNote = sensitivityNote
        self.module = module
        self.placement = placement
        self.location = location
    }

    /// The duration in minutes, when ``duration`` is a valid ISO 8601 duration.
    public var minutes: Int? { duration.flatMap { ISODuration($0)?.minutes } }

    /// Where diagnostics about this agenda entry should point: the `<use>` that placed it, or the item itself.
    public var agendaLocation: SourceLocation? { placement ?? location }
}

/// One step of an activity's procedure.
public struct Step: Codable, Sendable, Equatable {
    public var text: Label
    public var duration: String?

    /// Creates a step.
    public init(text: Label, duration: String? = nil) {
        self.text = text
        self.duration = duration
    }
}

/// How to run an activity differently in another mode (online, large group).
public struct Variant: Codable, Sendable, Equatable {
    public var mode: String
    public var text: RichText

    /// Creates a variant.
    public init(mode: String, text: RichText) {
        self.mode = mode
        self.text = text
    }
}
