import CurriculumModel

/// PED002: Objective never developed. Checks that some activity develops each objective.
enum ObjectiveNotDeveloped: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED002", family: .pedagogy, severity: .warning, title: "Objective never developed",
        explanation:
            "No activity develops this objective.",
        hint: "Add the objective to develops= of the activity that works on it.",
        example: RuleExample(
            trigger: "<objective id=\"obj-partners\">   (no activity has develops=\"obj-partners\")",
            fix: "<activity id=\"a-map\" … develops=\"obj-partners\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        var developed = Set<String>()
        for activity in context.allActivities { developed.formUnion(activity.develops) }
        for objective in context.allObjectives where !developed.contains(objective.id) {
            report.report(
                Self.self, "objective \"\(objective.id)\" is not developed by any activity", at: objective.location)
        }
    }
}
