import CurriculumModel

/// STR005: Required element or attribute missing. Reported by the schema check, and on the model for a programme without a source language.
enum RequiredPartMissing: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "STR005", family: .structure, severity: .error, title: "Required element or attribute missing",
        explanation:
            "The format requires this element or attribute here.",
        phases: [.loading, .model],
        example: RuleExample(
            trigger: "<activity kind=\"group-work\" duration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let programme = context.curriculum
        if programme.language.isEmpty {
            report.report(
                Self.self, "<programme> is missing the required attribute xml:lang=", at: programme.location,
                hint: "Add xml:lang=\"en\" (the source language).")
        }
    }
}
