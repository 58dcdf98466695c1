import CurriculumModel

/// LNG001: Invalid language tag. Checks every language tag: the programme's, resources', sessions' and every translation's.
enum InvalidLanguageTag: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "LNG001", family: .language, severity: .error, title: "Invalid language tag",
        explanation:
            "Language tags are BCP 47: en, fr, pt-BR, sr-Latn.",
        example: RuleExample(
            trigger: "<t xml:lang=\"french\">Partenaires</t>",
            fix: "<t xml:lang=\"fr\">Partenaires</t>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        if !c.language.isEmpty { check(c.language, "xml:lang of the programme", c.location, &report) }
        for language in c.meta.translationLanguages {
            check(language, "<languages translations>", c.location, &report)
        }
        for resource in context.allResources {
            if let language = resource.language {
                check(language, "xml:lang of resource \"\(resource.id)\"", resource.location, &report)
            }
        }
        for session in c.sessions {
            for language in session.translationLanguages {
                check(language, "translations= of session \"\(session.id)\"", session.location, &report)
            }
        }
        for entry in context.texts.uniqueEntries {
            entry.content.forEachTranslation { language, _ in
                check(language, "a translation of the \(entry.role)", entry.location, &report)
            }
        }
    }

    private static func check(
        _ value: String, _ role: @autoclosure () -> String, _ location: SourceLocation?,
        _ report: inout DiagnosticCollector
    ) {
        guard !LanguageTag.isValid(value) else { return }
        report.report(
            Self.self, "\(role()) is \"\(value)\", which is not a BCP 47 language tag", at: location,
            hint: LanguageTag.hint(for: value))
    }
}
