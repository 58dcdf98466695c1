import CurriculumModel

/// PED003: Objective never assessed. Checks that some activity or question assesses each objective.
enum ObjectiveNotAssessed: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED003", family: .pedagogy, severity: .warning, title: "Objective never assessed",
        explanation:
            "No evaluation question assesses this objective, so nobody will know whether it was reached.",
        hint: "Add a question with assesses= naming it.",
        example: RuleExample(
            trigger: "<objective id=\"obj-partners\">   (no question has assesses=\"obj-partners\")",
            fix: "<question id=\"q-partners\" type=\"open\" assesses=\"obj-partners\"><text>…</text></question>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        var assessed = Set<String>()
        for activity in context.allActivities { assessed.formUnion(activity.assesses) }
        for question in context.allQuestions { assessed.formUnion(question.assesses) }
        for objective in context.allObjectives where !assessed.contains(objective.id) {
            report.report(
                Self.self, "objective \"\(objective.id)\" is not assessed by any evaluation question",
                at: objective.location)
        }
    }
}
