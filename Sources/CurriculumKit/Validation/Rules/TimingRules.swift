import CurriculumModel
import Foundation

/// One day of a session run placed on the calendar.
private struct ScheduledBlock {
    var session: String
    var date: String
    var start: ClockTime
    var end: ClockTime
    var location: SourceLocation?
}

/// Checks durations, day lengths, breaks, clock times and deliveries.
enum TimingRules: RuleSet {
    /// The longest day the rules accept without a warning, in minutes.
    static let longDay = 9 * 60
    /// The longest stretch without a pause, in minutes.
    static let longestStretch = 90
    /// How early a day may end before its declared end, in minutes.
    static let earlyEndSlack = 30

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities { durations(of: activity, &report) }
        for session in context.curriculum.sessions {
            for task in session.preparation {
                if let lead = task.leadTime, ISODuration(lead) == nil {
                    report.report(
                        .tim001, "lead-time=\"\(lead)\" of a preparation task is not an ISO 8601 duration",
                        at: session.location)
                }
            }
            for day in session.days { self.day(day, of: session, &report) }
        }
        for delivery in context.curriculum.deliveries { self.delivery(delivery, context, &report) }
    }

    private static func durations(of activity: Activity, _ report: inout DiagnosticCollector) {
        let at = activity.location
        guard let text = activity.duration else {
            report.report(.tim002, "\(activity.kind) \"\(activity.id)\" has no duration", at: at)
            return
        }
        func minutes(_ name: String, _ value: String?) -> Int? {
            guard let value else { return nil }
            if let parsed = ISODuration(value) { return parsed.minutes }
            report.report(
                .tim001, "\(name)=\"\(value)\" of \"\(activity.id)\" is not an ISO 8601 duration", at: at,
                hint: suggestion(for: value))
            return nil
        }
        let duration = minutes("duration", text)
        let min = minutes("min", activity.minDuration)
        let max = minutes("max", activity.maxDuration)
        if duration == 0 { report.report(.tim012, "\"\(activity.id)\" has a duration of zero", at: at) }
        if let duration {
            if let min, min > duration {
                report.report(
                    .tim006,
                    "min=\"\(activity.minDuration ?? "")\" of \"\(activity.id)\" is longer than its duration \"\(text)\"",
                    at: at)
            }
            if let max, max < duration {
                report.report(
                    .tim006,
                    "max=\"\(activity.maxDuration ?? "")\" of \"\(activity.id)\" is shorter than its duration \"\(text)\"",
                    at: at)
            }
        }
        for step in activity.steps {
            if let value = step.duration, ISODuration(value) == nil {
                report.report(
                    .tim001, "duration=\"\(value)\" of a step of \"\(activity.id)\" is not an ISO 8601 duration",
                    at: at, hint: suggestion(for: value))
            }
        }
    }

    /// A concrete rewrite of a common wrong duration.
    static func suggestion(for value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let minutes = Int(trimmed) {
            return "If you mean \(minutes) minutes, write \(ISODuration(minutes: minutes))."
        }
        let parts = trimmed.split(separator: ":")
        if parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) {
            return "If you mean \(hours) h \(minutes) min, write \(ISODuration(minutes: hours * 60 + minutes))."
        }
        return RuleCatalogue.rule(.tim001).hint
    }

    private static func day(_ day: Day, of session: Session, _ report: inout DiagnosticCollector) {
        let name = "day \(day.number) of session \"\(session.id)\""
        let start = day.nominalStart.flatMap(ClockTime.init)
        if let text = day.nominalStart, start == nil {
            report.report(.tim011, "nominal-start=\"\(text)\" of \(name) is not a HH:MM time", at: day.location)
        }
        let end = day.ends.flatMap(ClockTime.init)
        if let text = day.ends, end == nil {
            report.report(.tim011, "ends=\"\(text)\" of \(name) is not a HH:MM time", at: day.location)
        }
        let total = day.totalMinutes
        let first = start ?? Timetable.defaultStart
        if let end {
            let available = end.minutes - first.minutes
            let finish = first.adding(minutes: total)
            if total > available {
                report.report(
                    .tim003,
                    "\(name) runs from \(first) to \(finish), \(ISODuration(minutes: total - available).humanReadable) past its end at \(end)",
                    at: day.location)
            } else if available - total > earlyEndSlack {
                report.report(
                    .tim010,
                    "\(name) ends at \(finish), \(ISODuration(minutes: available - total).humanReadable) before its declared end at \(end)",
                    at: day.location)
            }
        }
        if total > longDay {
            report.report(
                .tim004, "\(name) lasts \(ISODuration(minutes: total).humanReadable), more than \(longDay / 60) hours",
                at: day.location)
        }
        var stretch = 0
        var stretchStart: String? = nil
        for item in day.agenda {
            if item.kind.isPause {
                stretch = 0
                stretchStart = nil
                continue
            }
            if stretchStart == nil { stretchStart = item.id }
            let before = stretch
            stretch += item.minutes ?? 0
            if before <= longestStretch && stretch > longestStretch {
                report.report(
                    .tim005,
                    "\(name) runs \(ISODuration(minutes: stretch).humanReadable) without a break, from \"\(stretchStart ?? "")\" to \"\(item.id)\"",
                    at: item.agendaLocation)
            }
        }
    }

    private static func delivery(
        _ delivery: Delivery, _ context: ValidationContext, _ report: inout DiagnosticCollector
    ) {
        let c = context.curriculum
        if TimeZone(identifier: delivery.timezone) == nil
            || !delivery.timezone.contains("/") && delivery.timezone != "UTC"
        {
            let suggestion = Suggestions.closest(to: delivery.timezone, among: TimeZone.knownTimeZoneIdentifiers)
            report.report(
                .tim008, "time zone \"\(delivery.timezone)\" is not a known IANA time zone", at: delivery.location,
                hint: suggestion.map { "Did you mean \"\($0)\"?" } ?? RuleCatalogue.rule(.tim008).hint)
        }
        if delivery.programme != c.id {
            report.report(
                .tim009, "delivery \"\(delivery.id)\" is for programme \"\(delivery.programme)\", not \"\(c.id)\"",
                at: delivery.location)
        }
        var blocks: [ScheduledBlock] = []
        for run in delivery.runs {
            guard let session = c.session(run.session) else {
                let suggestion = Suggestions.closest(to: run.session, among: c.sessions.map(\.id))
                report.report(
                    .tim009, "delivery schedules session \"\(run.session)\", which the programme does not have",
                    at: run.location,
                    hint: suggestion.map { "Did you mean \"\($0)\"?" }
                        ?? "Sessions: \(c.sessions.map(\.id).joined(separator: ", ")).")
                continue
            }
            guard CalendarDate.components(run.date) != nil else {
                report.report(
                    .tim007, "date=\"\(run.date)\" of the run of \"\(run.session)\" is not a valid YYYY-MM-DD date",
                    at: run.location)
                continue
            }
            if let start = run.dayStart, ClockTime(start) == nil {
                report.report(
                    .tim011, "day-start=\"\(start)\" of the run of \"\(run.session)\" is not a HH:MM time",
                    at: run.location)
            }
            for override in run.days {
                if override.number < 1 || override.number > session.days.count {
                    report.report(
                        .tim009,
                        "the run of \"\(run.session)\" overrides day \(override.number), but the session has \(session.days.count) days",
                        at: run.location)
                }
                if let start = override.start, ClockTime(start) == nil {
                    report.report(
                        .tim011, "start=\"\(start)\" of day \(override.number) is not a HH:MM time", at: run.location)
                }
            }
            let timetable = Timetable(
                session: session,
                delivery: Delivery(
                    id: delivery.id, programme: delivery.programme, timezone: delivery.timezone, runs: [run]))
            let dates = timetable.days.compactMap(\.date)
            for (a, b) in zip(dates, dates.dropFirst()) where (CalendarDate.days(from: a, to: b) ?? 1) <= 0 {
                report.report(
                    .tim007, "days of the run of \"\(run.session)\" are not in date order: \(a) then \(b)",
                    at: run.location)
            }
            for day in timetable.days {
                if let date = day.date {
                    blocks.append(
                        ScheduledBlock(
                            session: run.session, date: date, start: day.start, end: day.end, location: run.location))
                }
            }
        }
        // Several sessions may share a date (a workshop with morning and afternoon sessions) but not a time.
        let ordered = blocks.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
        for (earlier, later) in zip(ordered, ordered.dropFirst())
        where earlier.date == later.date && later.start < earlier.end {
            report.report(
                .tim007,
                "the run of \"\(later.session)\" on \(later.date) starts at \(later.start), before the run of \"\(earlier.session)\" ends at \(earlier.end)",
                at: later.location)
        }
    }
}
