import CurriculumExportKit
import CurriculumModel

/// EXP001: Facilitator content marked for participants. Checks facilitator notes and sensitivity notes for a participant audience.
enum FacilitatorContentForParticipants: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP001", family: .export, severity: .error, title: "Facilitator content marked for participants",
        explanation:
            "Facilitator notes, sensitivity notes or case-study facilitator notes are marked for participants; they would be printed in the participant pack.",
        hint: "Remove for=, or move the text into participant instructions.",
        example: RuleExample(
            trigger: "<facilitator-notes for=\"all\"><p>Watch for …</p></facilitator-notes>",
            fix: "<facilitator-notes><p>Watch for …</p></facilitator-notes>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities {
            for (name, text) in [
                ("facilitator notes", activity.facilitatorNotes), ("sensitivity note", activity.sensitivityNote),
            ] {
                if ParticipantView.isMarkedForParticipants(text), let audience = text?.audience {
                    report.report(
                        Self.self, "the \(name) of \"\(activity.id)\" are marked for=\"\(audience.rawValue)\"",
                        at: text?.location ?? activity.location)
                }
            }
        }
        for study in context.allCaseStudies {
            if ParticipantView.isMarkedForParticipants(study.facilitatorNotes),
                let audience = study.facilitatorNotes?.audience
            {
                report.report(
                    Self.self,
                    "the facilitator notes of case study \"\(study.id)\" are marked for=\"\(audience.rawValue)\"",
                    at: study.facilitatorNotes?.location ?? study.location)
            }
        }
    }
}
