import CurriculumModel

/// Structure checks that need the model rather than the schema: day numbering and empty texts.
enum StructureRules: RuleSet {
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            let numbers = session.days.map(\.number)
            if numbers != Array(1...max(1, numbers.count)) && !numbers.isEmpty {
                let list = numbers.map(String.init).joined(separator: ", ")
                report.report(
                    .str011,
                    "days of session \"\(session.id)\" are numbered \(list); expected 1 to \(numbers.count) in order",
                    at: session.location)
            } else if session.declaredDays != session.days.count && session.declaredDays > 0 {
                report.report(
                    .str011,
                    "session \"\(session.id)\" declares days=\"\(session.declaredDays)\" but has \(session.days.count) <day> element\(session.days.count == 1 ? "" : "s")",
                    at: session.location)
            }
        }
        for entry in context.texts.uniqueEntries where entry.isRequired {
            if case .label(let label) = entry.content, label.text.isEmpty {
                report.report(.str012, "the \(entry.role) is empty", at: entry.location)
            }
        }
    }
}
