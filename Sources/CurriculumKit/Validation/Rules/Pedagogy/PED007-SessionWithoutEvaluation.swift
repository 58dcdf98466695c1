import CurriculumModel

/// PED007: Session without evaluation. Checks that each session has an evaluation instrument.
enum SessionWithoutEvaluation: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED007", family: .pedagogy, severity: .warning, title: "Session without evaluation",
        explanation:
            "A session has no evaluation instrument.",
        hint: "Add <evaluation><instrument …> with questions.",
        example: RuleExample(
            trigger: "<session id=\"s1\" …> … </day> </session>",
            fix: "… </day> <evaluation><instrument id=\"ev-s1\" kind=\"post\">…</instrument></evaluation> </session>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions where session.evaluation.isEmpty {
            report.report(Self.self, "session \"\(session.id)\" has no evaluation instrument", at: session.location)
        }
    }
}
