/// A session: one or more days of agenda, assembled from session items and module activities.
public struct Session: Codable, Sendable, Equatable {
    public var id: String
    public var number: Int?
    /// The number of days the session declares (`days="2"`); ``days`` should have as many.
    public var declaredDays: Int
    public var audiences: [String]
    public var prerequisites: [String]
    /// Languages every participant-facing text of this session must be translated into.
    public var translationLanguages: [String]
    public var title: Label
    public var summary: RichText?
    public var objectiveRefs: [String]
    public var preparation: [PreparationTask]
    public var materials: [Material]
    public var room: RichText?
    public var days: [Day]
    public var evaluation: [Instrument]
    public var location: SourceLocation?

    /// Creates a session.
    public init(
        id: String, number: Int? = nil, declaredDays: Int, audiences: [String] = [], prerequisites: [String] = [],
        translationLanguages: [String] = [], title: Label, summary: RichText? = nil, objectiveRefs: [String] = [],
        preparation: [PreparationTask] = [], materials: [Material] = [], room: RichText? = nil, days: [Day] = [],
        evaluation: [Instrument] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.number = number
        self.declaredDays = declaredDays
        self.audiences = audiences
        self.prerequisites = prerequisites
        self.translationLanguages = translationLanguages
        self.title = title
        self.summary = summary
        self.objectiveRefs = objectiveRefs
        self.preparation = preparation
        self.materials = materials
        self.room = room
        self.days = days
        self.evaluation = evaluation
        self.location = location
    }

    /// Every agenda item of every day, in order.
    public var allItems: [Activity] { days.flatMap(\.agenda) }

    /// The modules whose activities this session places.
    public var moduleIDs: [String] {
        var seen: [String] = []
        for id in allItems.compactMap(\.module) where !seen.contains(id) { seen.append(id) }
        return seen
    }
}

/// One day of a session.
public struct Day: Codable, Sendable, Equatable {
    public var number: Int
    /// The nominal start time, `HH:MM`, used when no delivery gives one.
    public var nominalStart: String?
    /// The time the day must be over by, `HH:MM`.
    public var ends: String?
    public var title: Label?
    /// The agenda with module activities already placed.
    public var agenda: [Activity]
    public var location: SourceLocation?

    /// Creates a day.
    public init(
        number: Int, nominalStart: String? = nil, ends: String? = nil, title: Label? = nil, agenda: [Activity] = [],
        location: SourceLocation? = nil
    ) {
        self.number = number
        self.nominalStart = nominalStart
        self.ends = ends
        self.title = title
        self.agenda = agenda
        self.location = location
    }

    /// The total of the agenda's durations in minutes (items without a valid duration count as 0).
    public var totalMinutes: Int { agenda.reduce(0) { $0 + ($1.minutes ?? 0) } }
}

/// Something to do before a session, with how long before it must be started.
public struct PreparationTask: Codable, Sendable, Equatable {
    public var text: Label
    /// An ISO 8601 duration before the first day (`P14D`).
    public var leadTime: String?
    public var owner: String?

    /// Creates a task.
    public init(text: Label, leadTime: String? = nil, owner: String? = nil) {
        self.text = text
        self.leadTime = leadTime
        self.owner = owner
    }
}

/// A material needed in the room, with a quantity.
public struct Material: Codable, Sendable, Equatable {
    public var text: Label
    public var quantity: Int?
    public var per: String?

    /// Creates a material.
    public init(text: Label, quantity: Int? = nil, per: String? = nil) {
        self.text = text
        self.quantity = quantity
        self.per = per
    }
}
