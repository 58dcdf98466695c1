import CurriculumModel

/// REF005: File not found. Reads the shared resource-file check for files that do not exist.
enum ResourceFileMissing: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF005", family: .references, severity: .error, title: "File not found",
        explanation:
            "A resource's href names a file that does not exist under the curriculum, or something that is not a regular file (a FIFO, a device), which a pack could not copy.",
        hint: "Check the path; it is relative to the file that declares the resource.",
        example: RuleExample(
            trigger: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/map.pdf\">   (no such file)",
            fix: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/partner-map.pdf\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for finding in context.resourceFiles.findings {
            switch finding.problem {
            case .missing(let href):
                report.report(
                    Self.self, "resource \"\(finding.resource.id)\" names \"\(href)\", which does not exist",
                    at: finding.resource.location)
            case .notRegularFile(let href, let kind):
                report.report(
                    Self.self,
                    "resource \"\(finding.resource.id)\" names \"\(href)\", which is \(kind), not a regular file",
                    at: finding.resource.location)
            default: continue
            }
        }
    }
}
