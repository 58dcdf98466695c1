import CurriculumModel

/// REF003: Reference to the wrong kind of thing. Checks that every reference names the kind of thing its attribute expects.
enum WrongKindReference: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF003", family: .references, severity: .error, title: "Reference to the wrong kind of thing",
        explanation:
            "A reference names an ID of the wrong kind, such as develops= naming a resource instead of an objective.",
        example: RuleExample(
            trigger: "<activity … develops=\"res-map\">   (res-map is a resource)",
            fix: "<activity … develops=\"obj-partners\" resources=\"res-map\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for problem in context.references.problems {
            guard let found = problem.found else { continue }
            let expected = problem.expected
            report.report(
                Self.self,
                "\(problem.attribute)= must name \(article(expected)) \(expected.rawValue), but \"\(problem.ref)\" is \(article(found)) \(found.rawValue)",
                at: problem.location)
        }
    }

    private static func article(_ kind: Definition.Kind) -> String {
        ["a", "e", "i", "o", "u"].contains(kind.rawValue.prefix(1)) ? "an" : "a"
    }
}
