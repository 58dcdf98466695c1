import CurriculumModel

/// SAF003: Sensitive material without guidance. Checks high-sensitivity case studies and activities for warnings and guidance.
enum SensitiveWithoutGuidance: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF003", family: .safety, severity: .warning, title: "Sensitive material without guidance",
        explanation:
            "High-sensitivity material (violent extremism, victims, personal stories) needs a content warning for participants and guidance for the facilitator.",
        hint: "Add <content-warning> and <facilitator-notes> (case studies) or a <sensitivity-note> (activities).",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" sensitivity=\"high\" …> <title>…</title> <context>…",
            fix:
                "… <title>…</title> <content-warning><p>Describes an attack.</p></content-warning> <context>… <facilitator-notes>…</facilitator-notes>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies
        where study.sensitivity == "high" && (study.contentWarning == nil || study.facilitatorNotes == nil) {
            let missing = [
                study.contentWarning == nil ? "a content warning" : nil,
                study.facilitatorNotes == nil ? "facilitator notes" : nil,
            ]
            .compactMap { $0 }.joined(separator: " and ")
            report.report(
                Self.self, "high-sensitivity case study \"\(study.id)\" has no \(missing)", at: study.location)
        }
        for activity in context.allActivities where activity.sensitivity == "high" && activity.sensitivityNote == nil {
            report.report(
                Self.self, "high-sensitivity activity \"\(activity.id)\" has no sensitivity note for the facilitator",
                at: activity.location)
        }
    }
}
