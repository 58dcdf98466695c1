import CurriculumExportKit
import CurriculumModel

/// EXP002: Facilitator-only resource on a participant activity. Checks the resources of participant-visible activities.
enum FacilitatorResourceOnParticipantActivity: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP002", family: .export, severity: .info, title: "Facilitator-only resource on a participant activity",
        explanation:
            "A participant-visible activity references a facilitator-only resource; it will be left out of participant outputs.",
        hint: "Mark the resource for=\"all\" or reference it from facilitator notes only.",
        example: RuleExample(
            trigger: "<resource id=\"res-key\" … for=\"facilitator\"/> … <activity … resources=\"res-key\">",
            fix: "<resource id=\"res-key\" … for=\"all\"/>, or name it only in the facilitator notes"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let resources = Dictionary(context.allResources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for activity in context.allActivities where ParticipantView.sees(activity) {
            for ref in activity.resources {
                if let resource = resources[ref], !ParticipantView.sees(resource) {
                    report.report(
                        Self.self,
                        "\"\(activity.id)\" lists resource \"\(ref)\", which is for \(resource.visibility.rawValue)s only",
                        at: activity.location)
                }
            }
        }
    }
}
