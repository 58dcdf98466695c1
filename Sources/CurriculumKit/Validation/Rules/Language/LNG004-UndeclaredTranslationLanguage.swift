import CurriculumModel

/// LNG004: Undeclared translation language. Checks that sessions ask only for declared translation languages.
enum UndeclaredTranslationLanguage: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG004", family: .language, severity: .warning, title: "Undeclared translation language",
        explanation:
            "A session asks for translations into a language the programme does not declare in <languages translations=…>. (Extra translations in shared modules are harmless and not reported.)",
        hint: "Declare it, or fix the tag.",
        example: RuleExample(
            trigger: "<languages source=\"en\" translations=\"fr\"/> … <session … translations=\"nl\">",
            fix: "<languages source=\"en\" translations=\"fr nl\"/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        var declared = Set(c.meta.translationLanguages)
        declared.insert(c.language)
        for session in c.sessions {
            for language in session.translationLanguages where !declared.contains(language) {
                report.report(
                    Self.self,
                    "session \"\(session.id)\" asks for \"\(language)\" translations, but the programme does not declare that language",
                    at: session.location)
            }
        }
    }
}
