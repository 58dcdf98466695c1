import CurriculumModel

/// PED004: Objective is not measurable. Checks the opening verb of each objective.
enum UnmeasurableObjective: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED004", family: .pedagogy, severity: .warning, title: "Objective is not measurable",
        explanation:
            "Objectives that start with understand, know, learn, appreciate or be aware cannot be observed or assessed.",
        hint: "Start with an observable verb: describe, explain, identify, draft, plan, compare…",
        example: RuleExample(
            trigger: "<text>Understand the local partners</text>",
            fix: "<text>Name three local partners and what each can do</text>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for objective in context.allObjectives {
            let text = objective.text.text.lowercased()
            if let verb = unmeasurableOpenings.first(where: { text.hasPrefix($0 + " ") || text == $0 }) {
                report.report(
                    Self.self, "objective \"\(objective.id)\" starts with \"\(verb)\", which cannot be observed",
                    at: objective.location)
            }
        }
    }

    /// Verbs that describe an inner state rather than an observable performance.
    static let unmeasurableOpenings = [
        "understand", "know", "learn", "appreciate", "be aware", "become aware", "be familiar", "become familiar",
        "gain an understanding", "have an understanding", "realise", "realize",
    ]
}
