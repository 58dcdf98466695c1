import CurriculumModel

/// TIM006: Duration outside its range. Checks each activity's duration against its min and max.
enum DurationOutsideRange: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM006", family: .timing, severity: .error, title: "Duration outside its range",
        explanation:
            "min and max bound a duration: min ≤ duration ≤ max must hold.",
        example: RuleExample(
            trigger: "<activity … duration=\"PT30M\" min=\"PT45M\" max=\"PT1H\">",
            fix: "<activity … duration=\"PT45M\" min=\"PT45M\" max=\"PT1H\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities {
            guard let text = activity.duration, let duration = ISODuration(text)?.minutes else { continue }
            if let min = activity.minDuration.flatMap(ISODuration.init)?.minutes, min > duration {
                report.report(
                    Self.self,
                    "min=\"\(activity.minDuration ?? "")\" of \"\(activity.id)\" is longer than its duration \"\(text)\"",
                    at: activity.location)
            }
            if let max = activity.maxDuration.flatMap(ISODuration.init)?.minutes, max < duration {
                report.report(
                    Self.self,
                    "max=\"\(activity.maxDuration ?? "")\" of \"\(activity.id)\" is shorter than its duration \"\(text)\"",
                    at: activity.location)
            }
        }
    }
}
