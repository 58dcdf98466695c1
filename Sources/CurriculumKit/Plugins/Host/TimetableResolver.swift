import CurriculumModel
import CurriculumPluginKit
import Foundation

/// Builds the `timetable` of protocol 1.1 from the model's ``Timetable``: each item's date, start and end in the
/// delivery's time zone, with times past midnight moved to the next date.
enum TimetableResolver {
    /// The timetables of some sessions, each with the given delivery or the first that schedules it.
    static func timetable(
        of curriculum: Curriculum, sessions: [String]? = nil, delivery: Delivery? = nil
    ) -> ResolvedTimetable {
        let wanted = sessions.map(Set.init)
        return ResolvedTimetable(
            sessions: curriculum.sessions.filter { wanted?.contains($0.id) ?? true }.map { session in
                let chosen =
                    (delivery?.run(of: session.id) != nil ? delivery : nil)
                    ?? curriculum.deliveries.first { $0.run(of: session.id) != nil }
                let table = Timetable(session: session, delivery: chosen)
                return ResolvedTimetable.Session(
                    session: session.id, delivery: chosen?.id, timezone: table.timezone,
                    days: table.days.map { day in
                        ResolvedTimetable.Day(
                            number: day.day.number, date: day.date, start: clock(day.start.minutes),
                            items: day.slots.map { slot in
                                let startDay = slot.start.minutes / 1440
                                let endDay = slot.end.minutes / 1440
                                return ResolvedTimetable.Item(
                                    id: slot.item.id,
                                    date: day.date.flatMap { CalendarDate.adding(days: startDay, to: $0) },
                                    start: clock(slot.start.minutes),
                                    endDate: endDay == startDay
                                        ? nil : day.date.flatMap { CalendarDate.adding(days: endDay, to: $0) },
                                    end: clock(slot.end.minutes), minutes: slot.end.minutes - slot.start.minutes,
                                    startDay: startDay, endDay: endDay)
                            })
                    })
            })
    }

    /// The request members of protocol 1.1 that carry a timetable.
    static func additions(_ timetable: ResolvedTimetable) -> [String: Data] {
        guard let data = try? ProtocolJSONEncoder.encode(timetable) else { return [:] }
        return ["timetable": data]
    }

    /// `HH:MM` within the day.
    private static func clock(_ minutes: Int) -> String {
        let inDay = ((minutes % 1440) + 1440) % 1440
        let hours = inDay / 60
        let rest = inDay % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
