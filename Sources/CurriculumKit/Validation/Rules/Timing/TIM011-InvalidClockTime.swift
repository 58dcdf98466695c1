import CurriculumModel

/// TIM011: Invalid clock time. Checks the clock times of days and delivery runs; the schema check reports the same values, so one finding per line is kept.
enum InvalidClockTime: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM011", family: .timing, severity: .error, title: "Invalid clock time",
        explanation:
            "Start and end times are 24-hour HH:MM.",
        hint: "Write 09:00, not 9am or 9:00.",
        phases: [.loading, .model],
        oncePerLine: true,
        example: RuleExample(
            trigger: "<day n=\"1\" nominal-start=\"9am\" ends=\"17:00\">",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"17:00\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for day in session.days {
                let name = DaySpan.name(of: day, in: session)
                if let text = day.nominalStart, ClockTime(text) == nil {
                    report.report(
                        Self.self, "nominal-start=\"\(text)\" of \(name) is not a HH:MM time", at: day.location)
                }
                if let text = day.ends, ClockTime(text) == nil {
                    report.report(Self.self, "ends=\"\(text)\" of \(name) is not a HH:MM time", at: day.location)
                }
            }
        }
        for delivery in context.curriculum.deliveries {
            // Runs of unknown sessions or with invalid dates are reported by TIM009 and TIM007 and not read further.
            for run in delivery.runs
            where context.curriculum.session(run.session) != nil && CalendarDate.components(run.date) != nil {
                if let start = run.dayStart, ClockTime(start) == nil {
                    report.report(
                        Self.self, "day-start=\"\(start)\" of the run of \"\(run.session)\" is not a HH:MM time",
                        at: run.location)
                }
                for override in run.days {
                    if let start = override.start, ClockTime(start) == nil {
                        report.report(
                            Self.self, "start=\"\(start)\" of day \(override.number) is not a HH:MM time",
                            at: run.location)
                    }
                }
            }
        }
    }
}
