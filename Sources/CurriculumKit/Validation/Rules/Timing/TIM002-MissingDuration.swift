import CurriculumModel

/// TIM002: Timed item without a duration. Checks that every activity and agenda item has a duration.
enum MissingDuration: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM002", family: .timing, severity: .error, title: "Timed item without a duration",
        explanation:
            "Every agenda item and module activity needs a duration; there is no silent default.",
        hint: "Add duration=\"PT…M\".",
        example: RuleExample(
            trigger: "<item id=\"s1-welcome\" kind=\"welcome\">",
            fix: "<item id=\"s1-welcome\" kind=\"welcome\" duration=\"PT30M\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities where activity.duration == nil {
            report.report(Self.self, "\(activity.kind) \"\(activity.id)\" has no duration", at: activity.location)
        }
    }
}
