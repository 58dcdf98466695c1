import CurriculumModel

/// STR011: Day count does not match. Checks each session's day numbering against its days attribute.
enum DayCountMismatch: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "STR011", family: .structure, severity: .error, title: "Day count does not match",
        explanation:
            "A session's days are not numbered 1…N in order, or their number differs from the session's days attribute.",
        hint: "Number the days 1, 2, … and set days= to their count.",
        example: RuleExample(
            trigger: "<session id=\"s1\" days=\"2\"> <day n=\"1\" …/> <day n=\"3\" …/>",
            fix: "<session id=\"s1\" days=\"2\"> <day n=\"1\" …/> <day n=\"2\" …/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            let numbers = session.days.map(\.number)
            if numbers != Array(1...max(1, numbers.count)) && !numbers.isEmpty {
                let list = numbers.map(String.init).joined(separator: ", ")
                report.report(
                    Self.self,
                    "days of session \"\(session.id)\" are numbered \(list); expected 1 to \(numbers.count) in order",
                    at: session.location)
            } else if session.declaredDays != session.days.count && session.declaredDays > 0 {
                report.report(
                    Self.self,
                    "session \"\(session.id)\" declares days=\"\(session.declaredDays)\" but has \(session.days.count) <day> element\(session.days.count == 1 ? "" : "s")",
                    at: session.location)
            }
        }
    }
}
