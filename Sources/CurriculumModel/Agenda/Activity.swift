/// A timed activity: a module's activity, or an item on a day's agenda.
///
/// When a session places a module activity with `<use>`, the loaded agenda holds a copy of the activity with
/// ``module`` set and ``placement`` pointing at the `<use>` element.
///
/// The fields live in one shared, immutable box: validation rules, agendas and timetables copy activities far more
/// often than anything changes them, and copying one is then a single reference count instead of one per field.
/// Changing a field gives the activity a box of its own.
public struct Activity: Codable, Sendable, Equatable {
    private var storage: Storage

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// The stored fields; their names are the coding keys.
    private struct Fields: Codable, Sendable, Equatable {
        var id: String
        var kind: ActivityKind
        var title: Label
        var duration: String?
        var minDuration: String?
        var maxDuration: String?
        var develops: [String]
        var assesses: [String]
        var resources: [String]
        var cases: [String]
        var grouping: String?
        var mode: String?
        var sensitivity: String?
        var audience: Visibility?
        var purpose: RichText?
        var steps: [Step]
        var participantInstructions: RichText?
        var facilitatorNotes: RichText?
        var debrief: [Label]
        var variants: [Variant]
        var sensitivityNote: RichText?
        var module: String?
        var placement: SourceLocation?
        var location: SourceLocation?
    }

    public var id: String {
        get { storage.fields.id }
        set { change { $0.id = newValue } }
    }

    public var kind: ActivityKind {
        get { storage.fields.kind }
        set { change { $0.kind = newValue } }
    }

    public var title: Label {
        get { storage.fields.title }
        set { change { $0.title = newValue } }
    }

    /// The ISO 8601 duration as written (`PT45M`); see ``ISODuration``.
    public var duration: String? {
        get { storage.fields.duration }
        set { change { $0.duration = newValue } }
    }

    public var minDuration: String? {
        get { storage.fields.minDuration }
        set { change { $0.minDuration = newValue } }
    }

    public var maxDuration: String? {
        get { storage.fields.maxDuration }
        set { change { $0.maxDuration = newValue } }
    }

    public var develops: [String] {
        get { storage.fields.develops }
        set { change { $0.develops = newValue } }
    }

    public var assesses: [String] {
        get { storage.fields.assesses }
        set { change { $0.assesses = newValue } }
    }

    public var resources: [String] {
        get { storage.fields.resources }
        set { change { $0.resources = newValue } }
    }

    public var cases: [String] {
        get { storage.fields.cases }
        set { change { $0.cases = newValue } }
    }

    public var grouping: String? {
        get { storage.fields.grouping }
        set { change { $0.grouping = newValue } }
    }

    public var mode: String? {
        get { storage.fields.mode }
        set { change { $0.mode = newValue } }
    }

    public var sensitivity: String? {
        get { storage.fields.sensitivity }
        set { change { $0.sensitivity = newValue } }
    }

    public var audience: Visibility? {
        get { storage.fields.audience }
        set { change { $0.audience = newValue } }
    }

    public var purpose: RichText? {
        get { storage.fields.purpose }
        set { change { $0.purpose = newValue } }
    }

    public var steps: [Step] {
        get { storage.fields.steps }
        set { change { $0.steps = newValue } }
    }

    public var participantInstructions: RichText? {
        get { storage.fields.participantInstructions }
        set { change { $0.participantInstructions = newValue } }
    }

    public var facilitatorNotes: RichText? {
        get { storage.fields.facilitatorNotes }
        set { change { $0.facilitatorNotes = newValue } }
    }

    public var debrief: [Label] {
        get { storage.fields.debrief }
        set { change { $0.debrief = newValue } }
    }

    public var variants: [Variant] {
        get { storage.fields.variants }
        set { change { $0.variants = newValue } }
    }

    public var sensitivityNote: RichText? {
        get { storage.fields.sensitivityNote }
        set { change { $0.sensitivityNote = newValue } }
    }

    /// The module this activity belongs to, when it was placed from one.
    public var module: String? {
        get { storage.fields.module }
        set { change { $0.module = newValue } }
    }

    /// Where the `<use>` that placed it is, when it was placed from a module.
    public var placement: SourceLocation? {
        get { storage.fields.placement }
        set { change { $0.placement = newValue } }
    }

    public var location: SourceLocation? {
        get { storage.fields.location }
        set { change { $0.location = newValue } }
    }

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
        storage = Storage(
            Fields(
                id: id, kind: kind, title: title, duration: duration, minDuration: minDuration,
                maxDuration: maxDuration, develops: develops, assesses: assesses, resources: resources, cases: cases,
                grouping: grouping, mode: mode, sensitivity: sensitivity, audience: audience, purpose: purpose,
                steps: steps, participantInstructions: participantInstructions, facilitatorNotes: facilitatorNotes,
                debrief: debrief, variants: variants, sensitivityNote: sensitivityNote, module: module,
                placement: placement, location: location))
    }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (lhs: Activity, rhs: Activity) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// This activity as a session's `<use>` places it: marked with its module and the `<use>`'s location.
    public func placed(fromModule module: String, at placement: SourceLocation) -> Activity {
        var placed = self
        placed.change {
            $0.module = module
            $0.placement = placement
        }
        return placed
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
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
