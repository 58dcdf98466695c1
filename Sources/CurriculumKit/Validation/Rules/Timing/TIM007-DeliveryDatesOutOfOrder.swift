import CurriculumModel

/// TIM007: Delivery dates out of order. Checks each delivery's run dates: valid, in order, and not overlapping.
enum DeliveryDatesOutOfOrder: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM007", family: .timing, severity: .error, title: "Delivery dates out of order",
        explanation:
            "A delivery's session runs are not in date order, overlap, or have an invalid date.",
        hint: "Give each run a YYYY-MM-DD date after the previous run's last day.",
        example: RuleExample(
            trigger:
                "<session-run session=\"s2\" date=\"2027-03-09\"/> <session-run session=\"s1\" date=\"2027-03-10\"/>",
            fix: "<session-run session=\"s1\" date=\"2027-03-09\"/> <session-run session=\"s2\" date=\"2027-03-10\"/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for delivery in context.curriculum.deliveries {
            var blocks: [ScheduledBlock] = []
            for run in delivery.runs {
                guard let session = context.curriculum.session(run.session) else { continue }
                guard CalendarDate.components(run.date) != nil else {
                    report.report(
                        Self.self,
                        "date=\"\(run.date)\" of the run of \"\(run.session)\" is not a valid YYYY-MM-DD date",
                        at: run.location)
                    continue
                }
                let timetable = Timetable(
                    session: session,
                    delivery: Delivery(
                        id: delivery.id, programme: delivery.programme, timezone: delivery.timezone, runs: [run]))
                let dates = timetable.days.compactMap(\.date)
                for (a, b) in zip(dates, dates.dropFirst()) where (CalendarDate.days(from: a, to: b) ?? 1) <= 0 {
                    report.report(
                        Self.self, "days of the run of \"\(run.session)\" are not in date order: \(a) then \(b)",
                        at: run.location)
                }
                for day in timetable.days {
                    if let date = day.date {
                        blocks.append(
                            ScheduledBlock(
                                session: run.session, date: date, start: day.start, end: day.end,
                                location: run.location))
                    }
                }
            }
            // Several sessions may share a date (a workshop with morning and afternoon sessions) but not a time.
            let ordered = blocks.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
            for (earlier, later) in zip(ordered, ordered.dropFirst())
            where earlier.date == later.date && later.start < earlier.end {
                report.report(
                    Self.self,
                    "the run of \"\(later.session)\" on \(later.date) starts at \(later.start), before the run of \"\(earlier.session)\" ends at \(earlier.end)",
                    at: later.location)
            }
        }
    }

    /// One day of a session run placed on the calendar.
    private struct ScheduledBlock {
        var session: String
        var date: String
        var start: ClockTime
        var end: ClockTime
        var location: SourceLocation?
    }
}
