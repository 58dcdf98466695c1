import CurriculumModel
import Foundation

/// ACC002: Vague link text. Checks the wording of every link in the texts.
enum VagueLinkText: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC002", family: .accessibility, severity: .warning, title: "Vague link text",
        explanation:
            "Link text such as \"click here\" or \"read more\" says nothing out of context; screen-reader users navigate by link text.",
        hint: "Describe the target: \"the partner map template\".",
        example: RuleExample(
            trigger: "<link href=\"https://example.org/map\">click here</link>",
            fix: "<link href=\"https://example.org/map\">the partner map template</link>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where !facts.links.isEmpty {
            for link in facts.links {
                let wording = link.wording.trimmingCharacters(in: .whitespacesAndNewlines)
                let normalised = wording.lowercased().trimmingCharacters(in: .punctuationCharacters)
                if vagueLinkTexts.contains(normalised) || normalised.isEmpty {
                    report.report(Self.self, "a link in the \(entry.role) reads \"\(wording)\"", at: entry.location)
                }
            }
        }
    }

    /// Link texts that say nothing about their target.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "read more", "more", "link", "this link", "click", "this", "go", "details",
        "cliquez ici", "ici", "en savoir plus",
    ]
}
