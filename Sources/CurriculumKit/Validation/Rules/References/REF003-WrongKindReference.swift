import CurriculumModel

/// REF003: Reference to the wrong kind of thing. Checks that every reference names the kind of thing its attribute expects.
enum WrongKindReference: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF003", family: .references, severity: .error, title: "Reference to the wrong kind of thing",
        explanation:
            "A reference names an ID of the wrong kind, such as develops= naming a resource instead of an objective.")

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        ReferenceSites.visit(context) { refs, attribute, kind, location in
            for ref in refs {
                guard let found = context.kind(of: ref), found != kind else { continue }
                report.report(
                    Self.self,
                    "\(attribute)= must name \(article(kind)) \(kind.rawValue), but \"\(ref)\" is \(article(found)) \(found.rawValue)",
                    at: location)
            }
        }
    }

    private static func article(_ kind: Definition.Kind) -> String {
        ["a", "e", "i", "o", "u"].contains(kind.rawValue.prefix(1)) ? "an" : "a"
    }
}
