import CurriculumModel

/// Checks that content will reach the right outputs: visibility, files to pack, names platforms accept.
enum ExportRules: RuleSet {
    /// Media types by file extension, for the media-type check.
    static let mediaTypes: [String: Set<String>] = [
        "pdf": ["application/pdf"], "html": ["text/html"], "htm": ["text/html"], "md": ["text/markdown"],
        "txt": ["text/plain"], "csv": ["text/csv"], "png": ["image/png"], "jpg": ["image/jpeg"], "jpeg": ["image/jpeg"],
        "svg": ["image/svg+xml"], "gif": ["image/gif"], "mp4": ["video/mp4"], "webm": ["video/webm"],
        "mp3": ["audio/mpeg"], "docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        "pptx": ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        "xlsx": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        "odt": ["application/vnd.oasis.opendocument.text"],
    ]

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let resources = Dictionary(context.allResources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for activity in context.allActivities {
            for (name, text) in [
                ("facilitator notes", activity.facilitatorNotes), ("sensitivity note", activity.sensitivityNote),
            ] {
                if let audience = text?.audience, audience.isVisibleToParticipants {
                    report.report(
                        .exp001, "the \(name) of \"\(activity.id)\" are marked for=\"\(audience.rawValue)\"",
                        at: text?.location ?? activity.location)
                }
            }
            guard (activity.audience ?? .all).isVisibleToParticipants else { continue }
            for ref in activity.resources {
                if let resource = resources[ref], !resource.visibility.isVisibleToParticipants {
                    report.report(
                        .exp002,
                        "\"\(activity.id)\" lists resource \"\(ref)\", which is for \(resource.visibility.rawValue)s only",
                        at: activity.location)
                }
            }
        }
        for study in context.allCaseStudies {
            if let audience = study.facilitatorNotes?.audience, audience.isVisibleToParticipants {
                report.report(
                    .exp001,
                    "the facilitator notes of case study \"\(study.id)\" are marked for=\"\(audience.rawValue)\"",
                    at: study.facilitatorNotes?.location ?? study.location)
            }
        }
        for resource in context.allResources {
            guard let href = resource.href else {
                if resource.kind != "link" {
                    report.report(
                        .exp003, "resource \"\(resource.id)\" has no href, so no file can be packed",
                        at: resource.location)
                }
                continue
            }
            guard !resource.isExternal else { continue }
            let name = href.split(separator: "/").last.map(String.init) ?? href
            if !name.utf8.allSatisfy(Self.isPortableFileNameByte) {
                report.report(
                    .exp004, "file name \"\(name)\" of resource \"\(resource.id)\" has characters platforms may reject",
                    at: resource.location)
            }
            let fileExtension = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if let mediaType = resource.mediaType?.lowercased(), let expected = mediaTypes[fileExtension],
                !expected.contains(mediaType)
            {
                report.report(
                    .exp005, "resource \"\(resource.id)\" is \"\(name)\" but declares media-type \"\(mediaType)\"",
                    at: resource.location,
                    hint: "For .\(fileExtension) files use \(expected.sorted().joined(separator: " or ")).")
            }
        }
    }

    /// ASCII letters, digits, `-`, `_` and `.`: the bytes every platform accepts in a packed file's name.
    private static func isPortableFileNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
