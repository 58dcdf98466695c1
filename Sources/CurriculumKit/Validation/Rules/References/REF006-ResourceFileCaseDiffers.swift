import CurriculumModel

/// REF006: File name differs in case. Reads the shared resource-file check for names that differ only in case.
enum ResourceFileCaseDiffers: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF006", family: .references, severity: .error, title: "File name differs in case",
        explanation:
            "The file exists, but with different upper/lower case; it will not be found on case-sensitive systems or inside zip packs.",
        hint: "Use the exact file name.",
        example: RuleExample(
            trigger: "href=\"handouts/Partner-Map.pdf\"   (the file is partner-map.pdf)",
            fix: "href=\"handouts/partner-map.pdf\""))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for finding in context.resourceFiles.findings {
            guard case .caseDiffers(let name, let actual) = finding.problem else { continue }
            report.report(
                Self.self, "resource \"\(finding.resource.id)\" names \"\(name)\" but the file is \"\(actual)\"",
                at: finding.resource.location)
        }
    }
}
