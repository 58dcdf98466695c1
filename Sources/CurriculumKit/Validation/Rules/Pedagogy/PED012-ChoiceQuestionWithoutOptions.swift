import CurriculumModel

/// PED012: Choice question without options. Checks that choice questions offer at least two options.
enum ChoiceQuestionWithoutOptions: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED012", family: .pedagogy, severity: .warning, title: "Choice question without options",
        explanation:
            "A single- or multiple-choice question needs at least two options.",
        hint: "Add <option> elements.",
        example: RuleExample(
            trigger: "<question id=\"q1\" type=\"single\"><text>…</text><option>Yes</option></question>",
            fix: "<question id=\"q1\" type=\"single\"><text>…</text><option>Yes</option><option>No</option></question>")
    )

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for question in context.allQuestions
        where ["single", "multiple"].contains(question.type) && question.options.count < 2 {
            report.report(
                Self.self,
                "\(question.type)-choice question \"\(question.id)\" has \(question.options.count) option\(question.options.count == 1 ? "" : "s")",
                at: question.location)
        }
    }
}
