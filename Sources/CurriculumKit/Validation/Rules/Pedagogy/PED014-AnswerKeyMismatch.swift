import CurriculumModel

/// PED014: Answer key does not fit its question. Checks that a key names options that exist, in a number the
/// question's kind allows.
enum AnswerKeyMismatch: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED014", family: .pedagogy, severity: .error, title: "Answer key does not fit its question",
        explanation:
            "The key must name options the question has: feedback about an option that does not exist, more than one right answer to a single-choice or true/false question, or a key on a kind of question that has no right answer would mark participants wrongly.",
        hint: "Count options from 1 in document order; keep one correct option for single and true-false questions.",
        example: RuleExample(
            trigger:
                "<question id=\"q-1\" type=\"single\">… two options …<feedback option=\"3\">…</feedback></question>",
            fix: "<feedback option=\"2\">…</feedback>  (options count from 1; one correct option for single)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for question in context.allQuestions {
            guard let key = question.key else { continue }
            for feedback in key.feedback {
                guard let option = feedback.option, option >= question.options.count else { continue }
                report.report(
                    Self.self,
                    "feedback names option \(option + 1) of question \"\(question.id)\", which has \(question.options.count) option\(question.options.count == 1 ? "" : "s")",
                    at: feedback.location ?? question.location)
            }
            if ["single", "true-false"].contains(question.type) && key.correctOptions.count > 1 {
                report.report(
                    Self.self,
                    "\(question.kindPhrase) \"\(question.id)\" marks \(key.correctOptions.count) options correct; it can have one",
                    at: question.location)
            }
            if !question.canHaveKey && key.namesAnAnswer {
                report.report(
                    Self.self,
                    "\(question.kindPhrase) \"\(question.id)\" has an answer key, but a \(question.kindPhrase) has no right answer",
                    at: question.location)
            }
        }
    }
}
