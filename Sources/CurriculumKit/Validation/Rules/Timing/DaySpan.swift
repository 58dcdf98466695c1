import CurriculumModel

/// A day's clock: when it starts, when it declares it ends, and how long its agenda takes. Read by the rules on
/// overrunning, long and early-ending days.
struct DaySpan {
    /// `day 2 of session "s1"`, for messages.
    let name: String
    /// The day's start: its nominal start, or the default start when that is missing or not a time.
    let start: ClockTime
    /// Its declared end, when it has a valid one.
    let end: ClockTime?
    /// Minutes of its agenda, breaks included.
    let total: Int

    init(_ day: Day, of session: Session) {
        name = Self.name(of: day, in: session)
        start = day.nominalStart.flatMap(ClockTime.init) ?? Timetable.defaultStart
        end = day.ends.flatMap(ClockTime.init)
        total = day.totalMinutes
    }

    /// Minutes between the start and the declared end (0 without an end).
    var available: Int { end.map { $0.minutes - start.minutes } ?? 0 }
    /// When the agenda finishes.
    var finish: ClockTime { start.adding(minutes: total) }

    static func name(of day: Day, in session: Session) -> String { "day \(day.number) of session \"\(session.id)\"" }
}
