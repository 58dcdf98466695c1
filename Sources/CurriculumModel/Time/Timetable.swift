public import Foundation

/// A session's agenda with clock times: each day's start, and each item's start and end.
///
/// Times come from a delivery when one schedules the session, otherwise from each day's nominal start, and
/// otherwise from 09:00. Items without a valid duration take no time (the timing rules report them).
public struct Timetable: Sendable {
    /// One day of the timetable.
    public struct DaySchedule: Sendable {
        public var day: Day
        /// The calendar date, when a delivery gives one (`YYYY-MM-DD`).
        public var date: String?
        public var start: ClockTime
        public var slots: [Slot]

        /// When the last item ends.
        public var end: ClockTime { slots.last?.end ?? start }
    }

    /// One item with its clock times.
    public struct Slot: Sendable {
        public var item: Activity
        public var start: ClockTime
        public var end: ClockTime
    }

    /// The default start of a day when nothing else says.
    public static let defaultStart = ClockTime(minutes: 9 * 60)

    public var session: Session
    public var days: [DaySchedule]
    /// The delivery's time zone, when a delivery was used.
    public var timezone: String?

    /// Computes a timetable.
    ///
    /// - Parameters:
    ///   - session: The session.
    ///   - delivery: A delivery that may schedule the session.
    public init(session: Session, delivery: Delivery? = nil) {
        self.session = session
        let run = delivery?.run(of: session.id)
        self.timezone = run == nil ? nil : delivery?.timezone
        var schedules: [DaySchedule] = []
        for (index, day) in session.days.enumerated() {
            let override = run?.days.first { $0.number == day.number }
            let startText = override?.start ?? run?.dayStart ?? day.nominalStart
            var clock = startText.flatMap(ClockTime.init) ?? Self.defaultStart
            let date = override?.date ?? run.flatMap { CalendarDate.adding(days: index, to: $0.date) }
            var slots: [Slot] = []
            for item in day.agenda {
                let end = clock.adding(minutes: item.minutes ?? 0)
                slots.append(Slot(item: item, start: clock, end: end))
                clock = end
            }
            schedules.append(
                DaySchedule(
                    day: day, date: date, start: startText.flatMap(ClockTime.init) ?? Self.defaultStart, slots: slots))
        }
        self.days = schedules
    }
}

/// Calendar-date arithmetic on `YYYY-MM-DD` strings, in the proleptic Gregorian calendar, independent of the
/// process's time zone and locale.
public enum CalendarDate {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// Parses a date, or returns `nil` when it is not a real `YYYY-MM-DD` date.
    public static func components(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day ? components : nil
    }

    /// The date some days after another, or `nil` when the start is not a valid date.
    public static func adding(days: Int, to text: String) -> String? {
        guard let components = components(text), let date = calendar.date(from: components),
            let later = calendar.date(byAdding: .day, value: days, to: date)
        else { return nil }
        let result = calendar.dateComponents([.year, .month, .day], from: later)
        guard let year = result.year, let month = result.month, let day = result.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Days from one date to another (negative when `to` is earlier).
    public static func days(from: String, to: String) -> Int? {
        guard let a = components(from).flatMap(calendar.date(from:)),
            let b = components(to).flatMap(calendar.date(from:))
        else {
            return nil
        }
        return calendar.dateComponents([.day], from: a, to: b).day
    }
}
