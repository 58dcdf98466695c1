import CurriculumModel

/// PED001: Session without objectives. Checks that each session lists objectives.
enum SessionWithoutObjectives: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED001", family: .pedagogy, severity: .warning, title: "Session without objectives",
        explanation:
            "A session lists no objectives, so nothing says what participants should be able to do after it.",
        hint: "Add <objectives-ref refs=\"…\"/>.",
        example: RuleExample(
            trigger: "<session id=\"s1\" days=\"1\"> <title>…</title> <day …>",
            fix: "<session id=\"s1\" days=\"1\"> <title>…</title> <objectives-ref refs=\"obj-partners\"/> <day …>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions where session.objectiveRefs.isEmpty {
            report.report(Self.self, "session \"\(session.id)\" lists no objectives", at: session.location)
        }
    }
}
