import CurriculumModel
import Foundation

/// TIM013: Online activity outside remote participants' hours. Checks each online or hybrid item of a delivery
/// against the local time of the participants who join it from other time zones.
enum OnlineOutsideRemoteHours: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM013", family: .timing, severity: .warning,
        title: "Online activity outside remote participants' hours",
        explanation:
            "An online or hybrid item is timed in the delivery's time zone, but people joining from another zone live it at their own local time. A 10:45 call in Brussels starts at 04:45 in New York. The rule takes 08:00 to 20:00 as reasonable local hours.",
        hint: "Move the item to a time that falls in everyone's day, or split it into two calls.",
        example: RuleExample(
            trigger:
                "<delivery timezone=\"Europe/Brussels\" remote-timezones=\"America/New_York\"><session-run session=\"s1\" date=\"2027-03-09\" day-start=\"09:00\"/>  with a mode=\"online\" item at 10:45",
            fix: "day-start=\"13:15\": the online item moves from 10:45 to 15:00 in Brussels, 09:00 in New York"))

    /// The local hours the rule accepts, in minutes after midnight.
    static let earliest = 8 * 60
    static let latest = 20 * 60

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for delivery in context.curriculum.deliveries where !delivery.remoteTimezones.isEmpty {
            guard let home = TimeZone(identifier: delivery.timezone) else { continue }
            let remote = delivery.remoteTimezones.compactMap { name in TimeZone(identifier: name).map { (name, $0) } }
            for run in delivery.runs {
                guard let session = context.curriculum.session(run.session) else { continue }
                for day in Timetable(session: session, delivery: delivery).days {
                    guard let date = day.date else { continue }
                    for slot in day.slots where ["online", "hybrid"].contains(slot.item.mode ?? "") {
                        for (name, zone) in remote {
                            guard let start = local(date, slot.start, from: home, to: zone),
                                let end = local(date, slot.end, from: home, to: zone),
                                start.minutes < earliest || end.minutes > latest || end.minutes < start.minutes
                            else { continue }
                            report.report(
                                Self.self,
                                "\(slot.item.mode ?? "online") item \"\(slot.item.id)\" of session \"\(session.id)\" runs \(slot.start)–\(slot.end) in \(delivery.timezone), which is \(start.text)–\(end.text) in \(name)",
                                at: slot.item.placement ?? slot.item.location)
                        }
                    }
                }
            }
        }
    }

    /// A wall-clock time on a date in one zone, as the wall-clock time in another.
    private static func local(
        _ date: String, _ time: ClockTime, from home: TimeZone, to zone: TimeZone
    ) -> (minutes: Int, text: String)? {
        guard var components = CalendarDate.components(date) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = home
        components.hour = time.minutes / 60 % 24
        components.minute = time.minutes % 60
        guard let instant = calendar.date(from: components) else { return nil }
        calendar.timeZone = zone
        let there = calendar.dateComponents([.hour, .minute], from: instant)
        let minutes = (there.hour ?? 0) * 60 + (there.minute ?? 0)
        return (minutes, ClockTime(minutes: minutes).description)
    }
}
