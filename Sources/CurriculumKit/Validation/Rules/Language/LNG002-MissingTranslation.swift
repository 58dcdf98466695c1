import CurriculumModel

/// LNG002: Missing translation. Checks that participant texts of translated sessions have each translation, and
/// that every session and module is given in each translation language the programme declares.
enum MissingTranslation: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG002", family: .language, severity: .warning, title: "Missing translation",
        explanation:
            "A session declares translations= but some participant-facing text in it (titles, summaries, objectives, instructions, questions, case summaries) has no translation; or the programme declares a translation language that a session or module lacks altogether.",
        hint: "Add <t xml:lang=\"…\"> with the translation.",
        example: RuleExample(
            trigger: "<session … translations=\"fr\"> <title>Partners</title>",
            fix: "<session … translations=\"fr\"> <title>Partners<t xml:lang=\"fr\">Partenaires</t></title>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        // A language the programme declares must reach every session and module, or each one that lacks it is listed.
        for language in c.meta.translationLanguages where language.lowercased() != c.language.lowercased() {
            for session in c.sessions
            where !session.translationLanguages.contains(where: { $0.lowercased() == language.lowercased() }) {
                report.report(
                    Self.self,
                    "session \"\(session.id)\" is not given in \"\(language)\", a translation language of the programme",
                    at: session.location, hint: "Translate it and add \(language) to its translations=.")
            }
            for module in c.modules
            where !module.title.hasTranslation(language)
                && !module.activities.contains(where: { $0.title.hasTranslation(language) })
            {
                report.report(
                    Self.self,
                    "module \"\(module.id)\" has no \"\(language)\" translation, a translation language of the programme",
                    at: module.location, hint: "Add <t xml:lang=\"\(language)\"> to its title and texts.")
            }
        }
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
