import CurriculumModel

/// PED013: Knowledge check without an answer key. Checks that every graded question says what the right answer is.
enum QuestionWithoutKey: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED013", family: .pedagogy, severity: .warning, title: "Knowledge check without an answer key",
        explanation:
            "A choice, true/false or short-answer question checks knowledge, so facilitators need its key to mark answers and platforms need it to score them. Without one, the guide cannot show the right answer and a cartridge quiz cannot be graded.",
        hint:
            "Mark the right option with correct=\"true\" (accepted <answer>s for a short answer), or add graded=\"no\" if the question asks for an opinion.",
        example: RuleExample(
            trigger:
                "<question id=\"q-1\" type=\"single\"><text>Who convenes?</text><option>The police</option><option>The municipality</option></question>",
            fix: "<option correct=\"true\">The municipality</option>  (or graded=\"no\" on an opinion question)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for question in context.allQuestions where question.needsKey && question.key?.namesAnAnswer != true {
            report.report(
                Self.self, "\(question.kindPhrase) \"\(question.id)\" has no answer key", at: question.location)
        }
    }
}
