import CurriculumModel

/// PED010: Input-heavy session. Checks the share of input in each session's working time.
enum InputHeavySession: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED010", family: .pedagogy, severity: .info, title: "Input-heavy session",
        explanation:
            "More than half of a session's working time is input (lectures); adults learn more from discussion and practice.",
        hint: "Turn some input into case discussion or group work.",
        example: RuleExample(
            trigger: "a day of four inputs of PT1H and one group-work of PT30M",
            fix: "turn two of the inputs into case discussions or group work"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            let working = session.allItems.filter { !$0.kind.isPause }
            let total = working.reduce(0) { $0 + ($1.minutes ?? 0) }
            let input = working.filter { $0.kind == .input }.reduce(0) { $0 + ($1.minutes ?? 0) }
            if total > 0 && input * 2 > total {
                report.report(
                    Self.self, "\(input * 100 / total)% of session \"\(session.id)\"'s working time is input",
                    at: session.location)
            }
        }
    }
}
