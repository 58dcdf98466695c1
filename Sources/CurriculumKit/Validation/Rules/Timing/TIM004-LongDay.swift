import CurriculumModel

/// TIM004: Long day. Checks the length of each day.
enum LongDay: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM004", family: .timing, severity: .warning, title: "Long day",
        explanation:
            "A day's agenda is longer than nine hours, breaks included.",
        hint: "Split the day or shorten activities.",
        example: RuleExample(
            trigger: "<day n=\"1\" nominal-start=\"08:00\" ends=\"18:30\">",
            fix: "two days: <day n=\"1\" … ends=\"13:00\"> and <day n=\"2\" …>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for day in session.days {
                let span = DaySpan(day, of: session)
                guard span.total > longDay else { continue }
                report.report(
                    Self.self,
                    "\(span.name) lasts \(ISODuration(minutes: span.total).humanReadable), more than \(longDay / 60) hours",
                    at: day.location)
            }
        }
    }

    /// The longest day the rule accepts, in minutes.
    static let longDay = 9 * 60
}
