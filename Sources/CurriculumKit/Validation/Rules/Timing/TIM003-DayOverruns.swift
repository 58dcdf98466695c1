import CurriculumModel

/// TIM003: Day overruns. Checks each day's agenda against its declared end.
enum DayOverruns: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM003", family: .timing, severity: .error, title: "Day overruns",
        explanation:
            "A day's agenda takes longer than the time between its start and its declared end.",
        hint: "Shorten items, move one to another day, or change ends=.",
        example: RuleExample(
            trigger: "<day n=\"1\" nominal-start=\"09:00\" ends=\"12:00\">   (the agenda takes 3 h 30 min)",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"12:30\">, or shorten an item by 30 minutes"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for day in session.days {
                let span = DaySpan(day, of: session)
                guard let end = span.end, span.total > span.available else { continue }
                report.report(
                    Self.self,
                    "\(span.name) runs from \(span.start) to \(span.finish), \(ISODuration(minutes: span.total - span.available).humanReadable) past its end at \(end)",
                    at: day.location)
            }
        }
    }
}
