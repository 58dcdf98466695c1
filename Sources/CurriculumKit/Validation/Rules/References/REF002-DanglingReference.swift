import CurriculumModel

/// REF002: Dangling reference. Reports references the shared reference check found undefined; the model builder reports <use> of an unknown module.
enum DanglingReference: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF002", family: .references, severity: .error, title: "Dangling reference",
        explanation:
            "A reference names an ID that nothing defines.",
        phases: [.loading, .model],
        example: RuleExample(
            trigger: "<activity … develops=\"obj-partner\">   (the objective is obj-partners)",
            fix: "<activity … develops=\"obj-partners\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for problem in context.references.problems where problem.found == nil {
            let candidates = context.definitions.filter { $0.value.first?.kind == problem.expected }.map(\.key)
            let suggestion = Suggestions.closest(to: problem.ref, among: candidates)
            report.report(
                Self.self,
                "\(problem.attribute)= names \"\(problem.ref)\", but no \(problem.expected.rawValue) has that ID",
                at: problem.location, hint: suggestion.map { "Did you mean \"\($0)\"?" })
        }
    }
}
