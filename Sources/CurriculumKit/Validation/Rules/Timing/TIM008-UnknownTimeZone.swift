import CurriculumModel
import Foundation

/// TIM008: Unknown time zone. Checks each delivery's time zone.
enum UnknownTimeZone: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM008", family: .timing, severity: .error, title: "Unknown time zone",
        explanation:
            "A delivery's timezone, or one of its remote-timezones, is not an IANA time zone name known to this system.",
        hint: "Use a name such as Europe/Brussels or America/New_York.",
        example: RuleExample(
            trigger: "<delivery … timezone=\"CET\">",
            fix: "<delivery … timezone=\"Europe/Brussels\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for delivery in context.curriculum.deliveries {
            for zone in [delivery.timezone] + delivery.remoteTimezones where !isKnown(zone) {
                let suggestion = Suggestions.closest(to: zone, among: TimeZone.knownTimeZoneIdentifiers)
                report.report(
                    Self.self, "time zone \"\(zone)\" is not a known IANA time zone", at: delivery.location,
                    hint: suggestion.map { "Did you mean \"\($0)\"?" } ?? descriptor.hint)
            }
        }
    }

    /// Whether a name is an IANA zone this system knows (abbreviations such as `CET` are refused).
    static func isKnown(_ zone: String) -> Bool {
        TimeZone(identifier: zone) != nil && (zone.contains("/") || zone == "UTC")
    }
}
