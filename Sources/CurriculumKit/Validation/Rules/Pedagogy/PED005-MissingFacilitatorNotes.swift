import CurriculumModel

/// PED005: Activity without facilitator notes. Checks that every activity other than a pause has facilitator notes.
enum MissingFacilitatorNotes: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED005", family: .pedagogy, severity: .warning, title: "Activity without facilitator notes",
        explanation:
            "A facilitator running the activity has no notes on how to run it.",
        hint: "Add <facilitator-notes>.",
        example: RuleExample(
            trigger:
                "<activity id=\"a-map\" …> <title>…</title> <participant-instructions>…</participant-instructions> </activity>",
            fix: "… <facilitator-notes><p>Ask which partner they have never called.</p></facilitator-notes> </activity>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities where !activity.kind.isPause && activity.facilitatorNotes == nil {
            report.report(
                Self.self, "\(activity.kind) \"\(activity.id)\" has no facilitator notes", at: activity.location)
        }
    }
}
