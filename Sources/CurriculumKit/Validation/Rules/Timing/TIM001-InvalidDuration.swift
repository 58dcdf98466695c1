import CurriculumModel
import Foundation

/// TIM001: Not an ISO 8601 duration. Checks every duration the model holds; the schema check reports the same values, so one finding per line is kept.
enum InvalidDuration: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM001", family: .timing, severity: .error, title: "Not an ISO 8601 duration",
        explanation:
            "Durations are ISO 8601: PT45M, PT1H30M, P14D. Bare numbers, clock notation and words are ambiguous and refused.",
        hint: "Write PT45M for 45 minutes, PT1H30M for an hour and a half.",
        phases: [.loading, .model],
        oncePerLine: true,
        example: RuleExample(
            trigger: "<activity id=\"a-map\" kind=\"group-work\" duration=\"45\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities {
            let at = activity.location
            // Three calls rather than a loop over an array literal, which would be allocated for every activity.
            func check(_ name: String, _ value: String?) {
                guard let value, ISODuration(value) == nil else { return }
                report.report(
                    Self.self, "\(name)=\"\(value)\" of \"\(activity.id)\" is not an ISO 8601 duration", at: at,
                    hint: suggestion(for: value))
            }
            check("duration", activity.duration)
            check("min", activity.minDuration)
            check("max", activity.maxDuration)
            for step in activity.steps {
                if let value = step.duration, ISODuration(value) == nil {
                    report.report(
                        Self.self,
                        "duration=\"\(value)\" of a step of \"\(activity.id)\" is not an ISO 8601 duration", at: at,
                        hint: suggestion(for: value))
                }
            }
        }
        for session in context.curriculum.sessions {
            for task in session.preparation {
                if let lead = task.leadTime, ISODuration(lead) == nil {
                    report.report(
                        Self.self, "lead-time=\"\(lead)\" of a preparation task is not an ISO 8601 duration",
                        at: session.location)
                }
            }
        }
    }

    /// A concrete rewrite of a common wrong duration.
    static func suggestion(for value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let minutes = Int(trimmed) {
            return "If you mean \(minutes) minutes, write \(ISODuration(minutes: minutes))."
        }
        let parts = trimmed.split(separator: ":")
        if parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) {
            return "If you mean \(hours) h \(minutes) min, write \(ISODuration(minutes: hours * 60 + minutes))."
        }
        return descriptor.hint
    }
}
