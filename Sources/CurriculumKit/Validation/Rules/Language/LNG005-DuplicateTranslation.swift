import CurriculumModel

/// LNG005: Duplicate translation. Checks that no text has two translations into one language.
enum DuplicateTranslation: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG005", family: .language, severity: .warning, title: "Duplicate translation",
        explanation:
            "A text has two translations into the same language.",
        hint: "Keep one.",
        example: RuleExample(
            trigger: "<title>Partners<t xml:lang=\"fr\">Partenaires</t><t xml:lang=\"fr\">Les partenaires</t></title>",
            fix: "<title>Partners<t xml:lang=\"fr\">Partenaires</t></title>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for entry in context.texts.uniqueEntries where entry.content.translationCount > 1 {
            // Most texts have one translation: the list of the others is only made when there are more.
            var first: String? = nil
            var others: [String] = []
            entry.content.forEachTranslation { language, _ in
                if language == first || others.contains(language) {
                    report.report(
                        Self.self, "the \(entry.role) has two \"\(language)\" translations", at: entry.location)
                } else if first == nil {
                    first = language
                } else {
                    others.append(language)
                }
            }
        }
    }
}
