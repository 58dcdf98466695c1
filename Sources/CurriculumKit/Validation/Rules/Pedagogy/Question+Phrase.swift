import CurriculumModel

extension Question {
    /// The question's kind as messages name it: "single-choice question", "true/false question".
    var kindPhrase: String {
        let kinds = [
            "single": "single-choice", "multiple": "multiple-choice", "true-false": "true/false",
            "short-answer": "short-answer",
        ]
        return (kinds[type] ?? type) + " question"
    }
}
