import CurriculumModel

/// EXP003: Resource has nothing to pack. Checks that resources other than links name a file.
enum NothingToPack: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP003", family: .export, severity: .warning, title: "Resource has nothing to pack",
        explanation:
            "A resource that is not a link has no href, so packs can list it but not include it.",
        hint: "Add href= naming the file.",
        example: RuleExample(
            trigger: "<resource id=\"res-map\" kind=\"worksheet\">",
            fix: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/partner-map.pdf\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources where resource.href == nil && resource.kind != "link" {
            report.report(
                Self.self, "resource \"\(resource.id)\" has no href, so no file can be packed", at: resource.location)
        }
    }
}
