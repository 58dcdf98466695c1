public import CurriculumModel

/// Lays the activities of chosen modules out across days, with a welcome, breaks, a meal and a closing
/// evaluation, so a trainer can answer a city's request for a shorter course built from existing modules.
///
/// The layout keeps to the rules `curriculum validate` checks: no stretch longer than 90 minutes without a
/// pause, days no longer than ``dayLength``, and each day's `ends` equal to its real end.
public struct SessionAssembler: Sendable {
    /// What the trainer asked for.
    public struct Request: Sendable {
        public var modules: [String]
        public var days: Int
        public var title: String?
        public var id: String?
        public var start: ClockTime

        public init(
            modules: [String], days: Int, title: String? = nil, id: String? = nil,
            start: ClockTime = ClockTime(minutes: 9 * 60)
        ) {
            self.modules = modules
            self.days = days
            self.title = title
            self.id = id
            self.start = start
        }
    }

    /// One entry of an assembled day: a session item of the assembler's own, or a module activity placed by `<use>`.
    public enum Entry: Sendable, Equatable {
        case item(id: String, kind: ActivityKind, minutes: Int, title: String, notes: String)
        case use(module: String, activity: String, minutes: Int)

        public var minutes: Int {
            switch self {
            case .item(_, _, let minutes, _, _), .use(_, _, let minutes): minutes
            }
        }
    }

    /// An assembled session, ready to be written.
    public struct Result: Sendable {
        public var id: String
        public var title: String
        public var audience: String?
        public var objectives: [String]
        public var modules: [String]
        /// Each day's entries with its start and end.
        public var days: [(start: ClockTime, end: ClockTime, entries: [Entry])]
    }

    /// Why the modules could not be laid out.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The longest working day, pauses included.
    public var dayLength = 8 * 60
    public var longestStretch = 90
    public var breakMinutes = 15
    public var mealMinutes = 60
    public var welcomeMinutes = 30
    public var recapMinutes = 15
    public var closingMinutes = 30
    /// Lunch is served once the clock reaches this time.
    public var mealFrom = ClockTime(minutes: 12 * 60)

    public init() {}

    /// Lays the modules out.
    ///
    /// - Throws: ``Refusal`` naming unknown modules, or saying by how much the activities do not fit.
    public func assemble(_ request: Request, from curriculum: Curriculum) throws(Refusal) -> Result {
        guard request.days >= 1 else { throw Refusal(message: "--days must be at least 1") }
        var modules: [Module] = []
        for id in request.modules {
            guard let module = curriculum.module(id) else {
                throw Refusal(
                    message:
                        "no module \"\(id)\" in \(curriculum.id); modules: \(curriculum.modules.map(\.id).joined(separator: ", "))"
                )
            }
            modules.append(module)
        }
        let activities = modules.flatMap { module in module.activities.map { (module.id, $0) } }
        if let untimed = activities.first(where: { $0.1.minutes == nil }) {
            throw Refusal(message: "activity \"\(untimed.1.id)\" of module \"\(untimed.0)\" has no valid duration")
        }
        let id =
            request.id ?? "asm-"
            + request.modules.map { $0.hasPrefix("m-") ? String($0.dropFirst(2)) : $0 }.joined(separator: "-")
        var pending = activities[...]
        var days: [(start: ClockTime, end: ClockTime, entries: [Entry])] = []
        for number in 1...request.days {
            let isLast = number == request.days
            let limit = request.start.adding(minutes: dayLength)
            var entries: [Entry] = []
            var clock = request.start
            var stretch = 0
            var hadMeal = false
            func add(_ entry: Entry, pause: Bool) {
                entries.append(entry)
                clock = clock.adding(minutes: entry.minutes)
                stretch = pause ? 0 : stretch + entry.minutes
            }
            if number == 1 {
                add(
                    .item(
                        id: "\(id)-welcome", kind: .welcome, minutes: welcomeMinutes, title: "Welcome and expectations",
                        notes: "Introduce the day, the modules it draws on and the group; collect expectations."),
                    pause: false)
            } else {
                add(
                    .item(
                        id: "\(id)-d\(number)-recap", kind: .plenary, minutes: recapMinutes,
                        title: "Recap of the previous day",
                        notes:
                            "Ask two or three participants what they took from the previous day and what they want to test today."
                    ), pause: false)
            }
            // The last day keeps room for the closing, and for the break that may have to come before it.
            let reserve = isLast ? closingMinutes + breakMinutes : 0
            while let (module, activity) = pending.first {
                let minutes = activity.minutes ?? 0
                var pauses: [(Entry, Bool)] = []
                var projectedClock = clock
                var projectedStretch = stretch
                if !hadMeal && projectedClock >= mealFrom {
                    pauses.append(
                        (
                            .item(
                                id: "\(id)-d\(number)-lunch", kind: .meal, minutes: mealMinutes, title: "Lunch",
                                notes: ""), true
                        ))
                    projectedClock = projectedClock.adding(minutes: mealMinutes)
                    projectedStretch = 0
                } else if projectedStretch > 0 && projectedStretch + minutes > longestStretch {
                    let breakID =
                        "\(id)-d\(number)-break\(entries.filter { if case .item(_, .break, _, _, _) = $0 { true } else { false } }.count + 1)"
                    pauses.append(
                        (.item(id: breakID, kind: .break, minutes: breakMinutes, title: "Break", notes: ""), true))
                    projectedClock = projectedClock.adding(minutes: breakMinutes)
                    projectedStretch = 0
                }
                guard projectedClock.adding(minutes: minutes + reserve) <= limit else { break }
                for (pause, _) in pauses {
                    add(pause, pause: true)
                    if case .item(_, .meal, _, _, _) = pause { hadMeal = true }
                }
                add(.use(module: module, activity: activity), pause: false)
                pending = pending.dropFirst()
            }
            if isLast {
                if stretch > 0 && stretch + closingMinutes > longestStretch {
                    add(
                        .item(
                            id: "\(id)-d\(number)-break-final", kind: .break, minutes: breakMinutes, title: "Break",
                            notes: ""), pause: true)
                }
                add(
                    .item(
                        id: "\(id)-closing", kind: .evaluation, minutes: closingMinutes,
                        title: "Evaluation and closing",
                        notes:
                            "Hand out the evaluation form, collect it, and close with one commitment from each participant."
                    ), pause: false)
            }
            days.append((request.start, clock, entries))
        }
        if !pending.isEmpty {
            let missing = pending.reduce(0) { $0 + ($1.1.minutes ?? 0) }
            throw Refusal(
                message:
                    "the modules do not fit in \(request.days) day\(request.days == 1 ? "" : "s"): \(ISODuration(minutes: missing).humanReadable) of activities are left over (\(pending.map(\.1.id).joined(separator: ", "))); ask for more days or fewer modules"
            )
        }
        let objectives = modules.flatMap { $0.objectives.map(\.id) }
        let title = request.title ?? modules.map(\.title.text).joined(separator: " and ")
        let audience = curriculum.audiences.first { $0.role == "participant" }?.id
        return Result(
            id: id, title: title, audience: audience, objectives: objectives, modules: modules.map(\.id), days: days)
    }
}

extension SessionAssembler.Entry {
    fileprivate static func use(module: String, activity: Activity) -> Self {
        .use(module: module, activity: activity.id, minutes: activity.minutes ?? 0)
    }
}
