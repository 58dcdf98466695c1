/// A delivery binds sessions to a calendar: dates, a time zone, a venue and facilitators.
public struct Delivery: Codable, Sendable, Equatable {
    public var id: String
    public var programme: String
    /// An IANA time zone name, such as `Europe/Brussels`.
    public var timezone: String
    public var title: Label?
    /// The venue's name and address are labels, so a pack in another language can show them translated.
    public var venueName: Label?
    public var venueAddress: Label?
    public var facilitators: [Facilitator]
    public var runs: [SessionRun]
    /// Whether the cohort is an invented example (`fictional="true"`): packs then say that its venue, people and
    /// dates are not real.
    public var isFictional: Bool
    /// IANA time zones of participants who join online and hybrid items from elsewhere (`remote-timezones`).
    public var remoteTimezones: [String]
    /// How many participants are expected (`participants=`); print totals and groups follow it.
    public var participants: Int?
    /// How many participants work in one group (`group-size=`), when the cohort is split the same way throughout.
    public var groupSize: Int?
    /// How many people the room holds (`capacity=` on `<venue>`).
    public var roomCapacity: Int?
    public var location: SourceLocation?

    /// Creates a delivery.
    public init(
        id: String, programme: String, timezone: String, title: Label? = nil, venueName: Label? = nil,
        venueAddress: Label? = nil, facilitators: [Facilitator] = [], runs: [SessionRun] = [],
        isFictional: Bool = false, remoteTimezones: [String] = [], participants: Int? = nil, groupSize: Int? = nil,
        roomCapacity: Int? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.programme = programme
        self.timezone = timezone
        self.title = title
        self.venueName = venueName
        self.venueAddress = venueAddress
        self.facilitators = facilitators
        self.runs = runs
        self.isFictional = isFictional
        self.remoteTimezones = remoteTimezones
        self.participants = participants
        self.groupSize = groupSize
        self.roomCapacity = roomCapacity
        self.location = location
    }

    /// The number of groups when the delivery gives a group size: participants divided by it, rounded up.
    public var groupCount: Int? {
        guard let participants, let groupSize, groupSize > 0 else { return nil }
        return (participants + groupSize - 1) / groupSize
    }

    private enum CodingKeys: String, CodingKey {
        case id, programme, timezone, title, venueName, venueNameLabel, venueAddress, venueAddressLabel
        case facilitators, runs, isFictional, remoteTimezones, participants, groupSize, roomCapacity, location
    }

    /// Decodes a delivery; `isFictional`, `remoteTimezones` and the head counts may be absent (models written
    /// before they existed) and then are `false`, empty and unknown, and the venue may be plain strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        programme = try container.decode(String.self, forKey: .programme)
        timezone = try container.decode(String.self, forKey: .timezone)
        title = try container.decodeIfPresent(Label.self, forKey: .title)
        venueName = try container.decodeCompatibleLabel(text: .venueName, label: .venueNameLabel)
        venueAddress = try container.decodeCompatibleLabel(text: .venueAddress, label: .venueAddressLabel)
        facilitators = try container.decode([Facilitator].self, forKey: .facilitators)
        runs = try container.decode([SessionRun].self, forKey: .runs)
        isFictional = try container.decodeIfPresent(Bool.self, forKey: .isFictional) ?? false
        remoteTimezones = try container.decodeIfPresent([String].self, forKey: .remoteTimezones) ?? []
        participants = try container.decodeIfPresent(Int.self, forKey: .participants)
        groupSize = try container.decodeIfPresent(Int.self, forKey: .groupSize)
        roomCapacity = try container.decodeIfPresent(Int.self, forKey: .roomCapacity)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
    }

    /// Encodes the venue as strings, as model 1.0 readers expect, with a translated one's label beside it
    /// (`venueNameLabel`, `venueAddressLabel`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(programme, forKey: .programme)
        try container.encode(timezone, forKey: .timezone)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeCompatibly(venueName, text: .venueName, label: .venueNameLabel)
        try container.encodeCompatibly(venueAddress, text: .venueAddress, label: .venueAddressLabel)
        try container.encode(facilitators, forKey: .facilitators)
        try container.encode(runs, forKey: .runs)
        try container.encode(isFictional, forKey: .isFictional)
        try container.encode(remoteTimezones, forKey: .remoteTimezones)
        try container.encodeIfPresent(participants, forKey: .participants)
        try container.encodeIfPresent(groupSize, forKey: .groupSize)
        try container.encodeIfPresent(roomCapacity, forKey: .roomCapacity)
        try container.encodeIfPresent(location, forKey: .location)
    }

    /// The run of a session, if the delivery schedules it.
    public func run(of session: String) -> SessionRun? { runs.first { $0.session == session } }
}

/// A facilitator of a delivery.
public struct Facilitator: Codable, Sendable, Equatable {
    /// Who the facilitator is, or a description of the person to appoint; a label, so it can be translated.
    public var name: Label
    /// A word for the part they play (`lead`, `co-facilitator`, `organiser`, `safeguarding-lead`…); packs print
    /// the known ones in their language.
    public var role: String?

    /// Creates a facilitator.
    public init(name: Label, role: String? = nil) {
        self.name = name
        self.role = role
    }

    private enum CodingKeys: String, CodingKey {
        case name, nameLabel, role
    }

    /// Decodes a facilitator whose name is a string (model 1.0) or carries its label beside it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The name is required: without a label twin, the string must be there.
        name =
            try container.decodeIfPresent(Label.self, forKey: .nameLabel)
            ?? Label(container.decode(String.self, forKey: .name))
        role = try container.decodeIfPresent(String.self, forKey: .role)
    }

    /// Encodes the name as a string, as model 1.0 readers expect, with a translated one's label beside it
    /// (`nameLabel`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeCompatibly(name, text: .name, label: .nameLabel)
        try container.encodeIfPresent(role, forKey: .role)
    }
}

/// When one session runs: its first date, a default start time, and per-day overrides.
public struct SessionRun: Codable, Sendable, Equatable {
    public var session: String
    /// The first day's date, `YYYY-MM-DD`.
    public var date: String
    public var dayStart: String?
    public var days: [DayOverride]
    public var location: SourceLocation?

    /// Creates a run.
    public init(
        session: String, date: String, dayStart: String? = nil, days: [DayOverride] = [],
        location: SourceLocation? = nil
    ) {
        self.session = session
        self.date = date
        self.dayStart = dayStart
        self.days = days
        self.location = location
    }
}

/// A different date or start time for one day of a run.
public struct DayOverride: Codable, Sendable, Equatable {
    public var number: Int
    public var date: String?
    public var start: String?

    /// Creates an override.
    public init(number: Int, date: String? = nil, start: String? = nil) {
        self.number = number
        self.date = date
        self.start = start
    }
}
