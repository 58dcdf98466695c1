import CurriculumModel

/// ACC003: Video without captions or transcript. Checks video resources for captions or a transcript.
enum VideoWithoutCaptions: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC003", family: .accessibility, severity: .error, title: "Video without captions or transcript",
        explanation:
            "Videos need captions or a transcript for deaf and hard-of-hearing participants.",
        hint: "Add <accessibility captions=\"yes\"/> or transcript=\"…\".",
        example: RuleExample(
            trigger: "<resource id=\"res-film\" kind=\"video\" href=\"film.mp4\">",
            fix: "<resource id=\"res-film\" kind=\"video\" href=\"film.mp4\"> … <accessibility captions=\"yes\"/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources
        where resource.kind == "video" || (resource.mediaType?.lowercased() ?? "").hasPrefix("video/") {
            let access = resource.accessibility
            if access?.hasCaptions != true && (access?.transcript ?? "").isEmpty {
                report.report(
                    Self.self, "video \"\(resource.id)\" has neither captions nor a transcript", at: resource.location)
            }
        }
    }
}
