import CurriculumModel

/// REF009: Insecure link. Checks link targets for plain http.
enum InsecureLink: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF009", family: .references, severity: .warning, title: "Insecure link",
        explanation:
            "An http:// link will be blocked or warned about by browsers and learning platforms.",
        hint: "Use https:// if the site supports it.",
        example: RuleExample(
            trigger: "<resource id=\"res-guide\" kind=\"link\" href=\"http://example.org/guide\">",
            fix: "<resource id=\"res-guide\" kind=\"link\" href=\"https://example.org/guide\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for target in context.linkTargets where target.href.lowercased().hasPrefix("http://") {
            report.report(Self.self, "link \"\(target.href)\" uses http, not https", at: target.location)
        }
    }
}
