import CurriculumModel

/// PED011: Session objective not developed in the session. Checks that a session's own items develop the objectives it lists.
enum SessionObjectiveNotDeveloped: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED011", family: .pedagogy, severity: .warning, title: "Session objective not developed in the session",
        explanation:
            "A session lists an objective that none of its own agenda items develops.",
        example: RuleExample(
            trigger: "<objectives-ref refs=\"obj-partners obj-plan\"/>   (nothing on the agenda develops obj-plan)",
            fix: "<objectives-ref refs=\"obj-partners\"/>, or place an activity with develops=\"obj-plan\""))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions where !session.objectiveRefs.isEmpty {
            let developedHere = Set(session.allItems.flatMap(\.develops))
            for ref in session.objectiveRefs where !developedHere.contains(ref) {
                report.report(
                    Self.self,
                    "session \"\(session.id)\" lists objective \"\(ref)\", but none of its items develops it",
                    at: session.location)
            }
        }
    }
}
