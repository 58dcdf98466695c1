import CurriculumModel

/// EXP006: Feedback would show the key before the activity. Checks that pre-session instruments carry no feedback
/// that a platform would show to participants after they answer.
enum KeyShownBeforeActivity: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP006", family: .export, severity: .warning, title: "Feedback would show the key before the activity",
        explanation:
            "Platforms show a question's feedback to participants once they answer. In a pre-session instrument that tells them the right answers before the session has taught them, and spoils the comparison with the post-session answers.",
        hint:
            "Move the feedback to the post-session instrument's questions, or keep it in the facilitator-only <explanation>.",
        example: RuleExample(
            trigger:
                "<instrument kind=\"pre\"><question …><option correct=\"true\">…</option><feedback option=\"1\">…</feedback></question></instrument>",
            fix: "<explanation><p>…</p></explanation>  (facilitator-only), or the feedback on the post-session question"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for instrument in session.evaluation where instrument.kind == "pre" {
                let pulled = instrument.questionModules.flatMap { context.curriculum.module($0)?.questions ?? [] }
                for question in instrument.questions + pulled where question.key?.feedback.isEmpty == false {
                    report.report(
                        Self.self,
                        "question \"\(question.id)\" in pre-session instrument \"\(instrument.id)\" has feedback that shows participants the answer before the session",
                        at: question.key?.feedback.first?.location ?? question.location)
                }
            }
        }
    }
}
