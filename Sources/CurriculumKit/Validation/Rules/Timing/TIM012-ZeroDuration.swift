import CurriculumModel

/// TIM012: Zero duration. Checks for activities and agenda items that last no time.
enum ZeroDuration: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM012", family: .timing, severity: .warning, title: "Zero duration",
        explanation:
            "An agenda item lasts no time at all.",
        hint: "Give it a real duration or remove it.",
        example: RuleExample(
            trigger: "<item id=\"s1-photo\" kind=\"plenary\" duration=\"PT0M\">",
            fix: "<item id=\"s1-photo\" kind=\"plenary\" duration=\"PT10M\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities
        where activity.duration.flatMap(ISODuration.init)?.minutes == 0 {
            report.report(Self.self, "\"\(activity.id)\" has a duration of zero", at: activity.location)
        }
    }
}
