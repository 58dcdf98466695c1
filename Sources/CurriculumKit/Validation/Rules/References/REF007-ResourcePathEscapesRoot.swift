import CurriculumModel

/// REF007: Path escapes the curriculum root. Reads the shared resource-file check for paths that leave the root.
enum ResourcePathEscapesRoot: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF007", family: .references, severity: .error, title: "Path escapes the curriculum root",
        explanation:
            "A resource path is absolute or climbs out of the curriculum root, so it cannot be packed.",
        hint: "Copy the file under the curriculum folder and use a relative path.",
        example: RuleExample(
            trigger: "href=\"/home/me/Documents/map.pdf\"",
            fix: "href=\"handouts/map.pdf\"   (the file copied under the curriculum)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for finding in context.resourceFiles.findings {
            let id = finding.resource.id
            let message: String
            switch finding.problem {
            case .absolute(let href): message = "resource \"\(id)\" uses the absolute path \"\(href)\""
            case .outsideRoot(let href): message = "resource \"\(id)\" points outside the curriculum root: \"\(href)\""
            case .linkLeavesRoot(let href):
                message = "resource \"\(id)\" is a symbolic link that leaves the curriculum root: \"\(href)\""
            case .missing, .caseDiffers, .notRegularFile: continue
            }
            report.report(Self.self, message, at: finding.resource.location)
        }
    }
}
