import CurriculumModel

/// REF002: Dangling reference. Checks that every reference names a defined ID; the model builder reports <use> of an unknown module.
enum DanglingReference: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF002", family: .references, severity: .error, title: "Dangling reference",
        explanation:
            "A reference names an ID that nothing defines.",
        phases: [.loading, .model])

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        ReferenceSites.visit(context) { refs, attribute, kind, location in
            for ref in refs where context.kind(of: ref) == nil {
                let candidates = context.definitions.filter { $0.value.first?.kind == kind }.map(\.key)
                let suggestion = Suggestions.closest(to: ref, among: candidates)
                report.report(
                    Self.self, "\(attribute)= names \"\(ref)\", but no \(kind.rawValue) has that ID", at: location,
                    hint: suggestion.map { "Did you mean \"\($0)\"?" })
            }
        }
    }
}
