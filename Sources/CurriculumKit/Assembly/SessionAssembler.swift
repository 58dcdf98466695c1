public import CurriculumModel

/// Lays the activities of chosen modules out across days, with a welcome, breaks, a meal and a closing
/// evaluation, so a trainer can answer a city's request for a shorter course built from existing modules.
///
/// The layout keeps to the rules `curriculum validate` checks: no stretch longer than 90 minutes without a
/// pause, days no longer than ``dayLength``, and each day's `ends` equal to its real end.
public struct SessionAssembler: Sendable {
    /// What the trainer asked for.
    public struct Request: Sendable {
        /// Modules whose activities are all placed, in the module's order.
        public var modules: [String]
        public var days: Int
        public var title: String?
        public var id: String?
        public var start: ClockTime
        /// Single activities (of any module) placed after the modules' activities, in the order given.
        public var activities: [String] = []
        /// The audience the session is for (default: the programme's first participant audience).
        public var audience: String?
        /// The longest working day in minutes, pauses included (default: ``SessionAssembler/dayLength``).
        public var dayLength: Int?
        /// Activity ID → the minutes to give it instead of its duration (shortened or stretched within min/max).
        public var minutes: [String: Int] = [:]
        /// Activities left out of the selection (what `--fit` tries when it suggests what to drop).
        public var excluded: Set<String> = []

        public init(
            modules: [String], days: Int, title: String? = nil, id: String? = nil,
            start: ClockTime = ClockTime(minutes: 9 * 60), activities: [String] = [], audience: String? = nil,
            dayLength: Int? = nil
        ) {
            self.modules = modules
            self.days = days
            self.title = title
            self.id = id
            self.start = start
            self.activities = activities
            self.audience = audience
            self.dayLength = dayLength
        }
    }

    /// One chosen activity and the module it comes from.
    public struct Selected: Sendable {
        public var module: String
        public var activity: Activity
    }

    /// One entry of an assembled day: a session item of the assembler's own, or a module activity placed by `<use>`.
    public enum Entry: Sendable, Equatable {
        case item(id: String, kind: ActivityKind, minutes: Int, title: String, notes: String)
        case use(module: String, activity: String, minutes: Int)
        /// A module activity at another length than its own: written as an `<item>` copy, since `<use>` places
        /// activities as they are.
        case adapted(module: String, activity: Activity, minutes: Int)

        public var minutes: Int {
            switch self {
            case .item(_, _, let minutes, _, _), .use(_, _, let minutes), .adapted(_, _, let minutes): minutes
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
        let selected = try selection(request, from: curriculum)
        let activities = selected.filter { !request.excluded.contains($0.activity.id) }.map {
            ($0.module, $0.activity)
        }
        if let untimed = activities.first(where: { $0.1.minutes == nil }) {
            throw Refusal(message: "activity \"\(untimed.1.id)\" of module \"\(untimed.0)\" has no valid duration")
        }
        let moduleIDs = selected.map(\.module).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let modules = moduleIDs.compactMap { curriculum.module($0) }
        let named = request.modules.isEmpty ? request.activities : request.modules
        let id =
            request.id ?? "asm-"
            + named.map { $0.hasPrefix("m-") || $0.hasPrefix("a-") ? String($0.dropFirst(2)) : $0 }.joined(
                separator: "-")
        let dayLength = request.dayLength ?? self.dayLength
        func minutes(of activity: Activity) -> Int { request.minutes[activity.id] ?? activity.minutes ?? 0 }
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
                let minutes = minutes(of: activity)
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
                let entry: Entry =
                    minutes == activity.minutes
                    ? .use(module: module, activity: activity.id, minutes: minutes)
                    : .adapted(module: module, activity: activity, minutes: minutes)
                add(entry, pause: false)
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
            let missing = pending.reduce(0) { $0 + minutes(of: $1.1) }
            throw Refusal(
                message:
                    "the \(request.modules.isEmpty ? "activities" : "modules") do not fit in \(request.days) day\(request.days == 1 ? "" : "s"): \(ISODuration(minutes: missing).humanReadable) of activities are left over (\(pending.map(\.1.id).joined(separator: ", "))); ask for more days or fewer modules"
            )
        }
        // The objectives the placed activities develop, so each one the session lists is worked on in it.
        let placed = Set(activities.map(\.1.id))
        let developed = selected.filter { placed.contains($0.activity.id) }.flatMap(\.activity.develops)
        let moduleObjectives = modules.flatMap { $0.objectives.map(\.id) }
        let objectives = (moduleObjectives.filter { developed.contains($0) } + developed).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let title =
            request.title
            ?? (request.modules.isEmpty
                ? activities.map(\.1.title.text).joined(separator: ", ")
                : modules.map(\.title.text).joined(separator: " and "))
        let audience = request.audience ?? curriculum.audiences.first { $0.role == "participant" }?.id
        return Result(
            id: id, title: title, audience: audience, objectives: objectives, modules: modules.map(\.id), days: days)
    }

    /// The activities a request names: every activity of each module, then each single activity, without repeats.
    ///
    /// - Throws: ``Refusal`` naming an unknown module or activity.
    public func selection(_ request: Request, from curriculum: Curriculum) throws(Refusal) -> [Selected] {
        var selected: [Selected] = []
        for id in request.modules {
            guard let module = curriculum.module(id) else {
                throw Refusal(
                    message:
                        "no module \"\(id)\" in \(curriculum.id); modules: \(curriculum.modules.map(\.id).joined(separator: ", "))"
                )
            }
            selected += module.activities.map { Selected(module: module.id, activity: $0) }
        }
        for id in request.activities where !selected.contains(where: { $0.activity.id == id }) {
            guard
                let found = curriculum.modules.lazy.compactMap({ module in
                    module.activities.first { $0.id == id }.map { Selected(module: module.id, activity: $0) }
                }).first
            else {
                throw Refusal(
                    message:
                        "no activity \"\(id)\" in any module of \(curriculum.id)"
                )
            }
            selected.append(found)
        }
        if selected.isEmpty { throw Refusal(message: "name at least one --module or --activity") }
        return selected
    }
}
