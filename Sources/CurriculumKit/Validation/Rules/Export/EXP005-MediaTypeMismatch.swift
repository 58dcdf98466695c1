import CurriculumModel

/// EXP005: Media type does not match the file. Checks declared media types against file extensions.
enum MediaTypeMismatch: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP005", family: .export, severity: .warning, title: "Media type does not match the file",
        explanation:
            "A resource's media-type disagrees with its file extension, so platforms may refuse or mis-render it.",
        example: RuleExample(
            trigger: "<resource … href=\"handouts/map.pdf\" media-type=\"text/markdown\">",
            fix: "<resource … href=\"handouts/map.pdf\" media-type=\"application/pdf\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources where !resource.isExternal {
            guard let mediaType = resource.mediaType?.lowercased(), let name = resource.packedFileName else { continue }
            let fileExtension = name.lastPart(separatedBy: ".").map { $0.lowercased() } ?? ""
            if let expected = mediaTypes[fileExtension], !expected.contains(mediaType) {
                report.report(
                    Self.self, "resource \"\(resource.id)\" is \"\(name)\" but declares media-type \"\(mediaType)\"",
                    at: resource.location,
                    hint: "For .\(fileExtension) files use \(expected.sorted().joined(separator: " or ")).")
            }
        }
    }

    /// Media types by file extension.
    static let mediaTypes: [String: Set<String>] = [
        "pdf": ["application/pdf"], "html": ["text/html"], "htm": ["text/html"], "md": ["text/markdown"],
        "txt": ["text/plain"], "csv": ["text/csv"], "png": ["image/png"], "jpg": ["image/jpeg"], "jpeg": ["image/jpeg"],
        "svg": ["image/svg+xml"], "gif": ["image/gif"], "mp4": ["video/mp4"], "webm": ["video/webm"],
        "mp3": ["audio/mpeg"], "docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        "pptx": ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        "xlsx": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        "odt": ["application/vnd.oasis.opendocument.text"],
    ]
}
