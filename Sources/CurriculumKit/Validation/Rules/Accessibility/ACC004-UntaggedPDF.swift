import CurriculumModel

/// ACC004: PDF not known to be tagged. Checks that PDF resources are declared tagged.
enum UntaggedPDF: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC004", family: .accessibility, severity: .warning, title: "PDF not known to be tagged",
        explanation:
            "Untagged PDFs cannot be read by screen readers.",
        hint: "Export a tagged PDF and declare <accessibility tagged=\"yes\"/>.",
        example: RuleExample(
            trigger: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\">",
            fix: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\"> … <accessibility tagged=\"yes\"/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources where resource.accessibility?.isTagged != true {
            let media = resource.mediaType?.lowercased() ?? ""
            let path = resource.href?.lowercased() ?? ""
            if media == "application/pdf" || path.hasSuffix(".pdf") {
                report.report(Self.self, "PDF \"\(resource.id)\" is not declared tagged", at: resource.location)
            }
        }
    }
}
