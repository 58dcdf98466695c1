import CurriculumModel

/// STR012: Empty text. Checks required titles and texts for emptiness.
enum EmptyText: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "STR012", family: .structure, severity: .warning, title: "Empty text",
        explanation:
            "A title or other required text is empty.",
        hint: "Write the text, or remove the element if it is optional.",
        example: RuleExample(
            trigger: "<title></title>",
            fix: "<title>Working with partners</title>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for entry in context.texts.uniqueEntries where entry.isRequired {
            if case .label(let label) = entry.content, label.text.isEmpty {
                report.report(Self.self, "the \(entry.role) is empty", at: entry.location)
            }
        }
    }
}
