import CurriculumModel
import Foundation

/// TIM008: Unknown time zone. Checks each delivery's time zone.
enum UnknownTimeZone: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM008", family: .timing, severity: .error, title: "Unknown time zone",
        explanation:
            "A delivery's timezone is not an IANA time zone name known to this system.",
        hint: "Use a name such as Europe/Brussels or America/New_York.")

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for delivery in context.curriculum.deliveries
        where TimeZone(identifier: delivery.timezone) == nil
            || !delivery.timezone.contains("/") && delivery.timezone != "UTC"
        {
            let suggestion = Suggestions.closest(to: delivery.timezone, among: TimeZone.knownTimeZoneIdentifiers)
            report.report(
                Self.self, "time zone \"\(delivery.timezone)\" is not a known IANA time zone", at: delivery.location,
                hint: suggestion.map { "Did you mean \"\($0)\"?" } ?? descriptor.hint)
        }
    }
}
