import CurriculumModel

/// REF001: Duplicate ID. Checks that IDs are unique across the programme.
enum DuplicateID: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF001", family: .references, severity: .error, title: "Duplicate ID",
        explanation:
            "IDs are programme-wide, across all included files; two things share one.",
        hint: "Rename one of them; references use the ID.",
        example: RuleExample(
            trigger: "<activity id=\"a-map\" …/> … <item id=\"a-map\" …/>",
            fix: "<activity id=\"a-map\" …/> … <item id=\"s1-map\" …/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for (id, definitions) in context.definitions where definitions.count > 1 {
            let first = definitions[0]
            for duplicate in definitions.dropFirst() {
                report.report(
                    Self.self,
                    "ID \"\(id)\" of this \(duplicate.kind.rawValue) is already used by the \(first.kind.rawValue) at \(place(first.location, context))",
                    at: duplicate.location)
            }
        }
    }

    private static func place(_ location: SourceLocation?, _ context: ValidationContext) -> String {
        guard let location else { return "?" }
        return "\(DisplayPath.of(context.root.absolute(location.path))):\(location.line):\(location.column)"
    }
}
