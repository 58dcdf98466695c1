import CurriculumModel

/// SAF004: Personal data in participant-facing text. Looks for personal data in participant-facing texts the shared byte screen let through.
enum PersonalDataInParticipantText: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF004", family: .safety, severity: .warning, title: "Personal data in participant-facing text",
        explanation:
            "An e-mail address or telephone number appears in text participants will receive.",
        hint: "Remove it, or move it to facilitator or organiser notes.",
        example: RuleExample(
            trigger: "<participant-instructions><p>Questions to jane.doe@example.org</p></participant-instructions>",
            fix: "<facilitator-notes><p>Questions to jane.doe@example.org</p></facilitator-notes>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts)
        where facts.mayHoldSensitiveText && entry.isParticipantFacing {
            if let found = SensitiveTextDetector.first(.personalData, in: entry.content.plainText) {
                report.report(Self.self, "the \(entry.role) contains \(found)", at: entry.location)
            }
        }
    }
}
