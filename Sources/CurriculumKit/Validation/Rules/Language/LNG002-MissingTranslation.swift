import CurriculumModel

/// LNG002: Missing translation. Checks that participant texts of translated sessions have each translation.
enum MissingTranslation: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG002", family: .language, severity: .warning, title: "Missing translation",
        explanation:
            "A session declares translations= but some participant-facing text in it (titles, summaries, objectives, instructions, questions, case summaries) has no translation.",
        hint: "Add <t xml:lang=\"…\"> with the translation.",
        example: RuleExample(
            trigger: "<session … translations=\"fr\"> <title>Partners</title>",
            fix: "<session … translations=\"fr\"> <title>Partners<t xml:lang=\"fr\">Partenaires</t></title>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions where !session.translationLanguages.isEmpty {
            for entry in context.texts.participantEntries(ofSession: session.id) where !entry.content.isEmpty {
                for language in session.translationLanguages where !entry.content.hasTranslation(language) {
                    report.report(
                        Self.self,
                        "the \(entry.role) has no \"\(language)\" translation (session \"\(session.id)\" is given in \(language))",
                        at: entry.location)
                }
            }
        }
    }
}
