import CurriculumModel

/// TIM010: Day ends early. Checks that each day's agenda fills the time to its declared end.
enum DayEndsEarly: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM010", family: .timing, severity: .warning, title: "Day ends early",
        explanation:
            "A day's agenda ends more than 30 minutes before its declared end; the timetable is probably incomplete.",
        hint: "Add the missing items or bring ends= forward.",
        example: RuleExample(
            trigger: "<day n=\"1\" nominal-start=\"09:00\" ends=\"17:00\">   (the agenda ends at 15:30)",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"15:30\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for day in session.days {
                let span = DaySpan(day, of: session)
                guard let end = span.end, span.total <= span.available, span.available - span.total > earlyEndSlack
                else { continue }
                report.report(
                    Self.self,
                    "\(span.name) ends at \(span.finish), \(ISODuration(minutes: span.available - span.total).humanReadable) before its declared end at \(end)",
                    at: day.location)
            }
        }
    }

    /// How early a day may end before its declared end, in minutes.
    static let earlyEndSlack = 30
}
