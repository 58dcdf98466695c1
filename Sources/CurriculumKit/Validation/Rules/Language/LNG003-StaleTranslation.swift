import CurriculumModel

/// LNG003: Stale translation. Compares the revision of each translation with its source text.
enum StaleTranslation: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG003", family: .language, severity: .warning, title: "Stale translation",
        explanation:
            "The source text has a newer rev= than its translation, so the translation may no longer match.",
        hint: "Update the translation and its rev=.",
        example: RuleExample(
            trigger: "<title rev=\"2\">Working with partners<t xml:lang=\"fr\" rev=\"1\">Partenaires</t></title>",
            fix:
                "<title rev=\"2\">Working with partners<t xml:lang=\"fr\" rev=\"2\">Travailler avec les partenaires</t></title>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for entry in context.texts.uniqueEntries {
            guard let revision = entry.content.revision else { continue }
            entry.content.forEachTranslation { language, translated in
                // An invalid tag is reported by LNG001; its revision is not compared.
                if revision > (translated ?? 0) && LanguageTag.isValid(language) {
                    report.report(
                        Self.self,
                        "the \"\(language)\" translation of the \(entry.role) is of revision \(translated ?? 0); the source is at \(revision)",
                        at: entry.location)
                }
            }
        }
    }
}
