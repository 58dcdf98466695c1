import CurriculumModel

/// PED006: Activity without participant instructions. Checks that activities of the kinds that need them have participant instructions.
enum MissingParticipantInstructions: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED006", family: .pedagogy, severity: .warning, title: "Activity without participant instructions",
        explanation:
            "Group work, case discussions, role plays, exercises and site visits need written instructions for participants.",
        hint: "Add <participant-instructions>.",
        example: RuleExample(
            trigger:
                "<activity id=\"a-map\" kind=\"group-work\" …> <title>…</title> <facilitator-notes>…</facilitator-notes>",
            fix:
                "<activity …> <title>…</title> <participant-instructions><p>In threes, …</p></participant-instructions> <facilitator-notes>…"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for activity in context.allActivities
        where !activity.kind.isPause && activity.kind.needsParticipantInstructions
            && activity.participantInstructions == nil
        {
            report.report(
                Self.self, "\(activity.kind) \"\(activity.id)\" has no participant instructions", at: activity.location)
        }
    }
}
