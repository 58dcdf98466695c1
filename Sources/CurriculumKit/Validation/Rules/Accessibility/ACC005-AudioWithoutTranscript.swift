import CurriculumModel

/// ACC005: Audio without transcript. Checks audio resources for a transcript.
enum AudioWithoutTranscript: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC005", family: .accessibility, severity: .warning, title: "Audio without transcript",
        explanation:
            "Audio needs a transcript for deaf and hard-of-hearing participants.",
        hint: "Add <accessibility transcript=\"…\"/>.",
        example: RuleExample(
            trigger: "<resource id=\"res-talk\" kind=\"audio\" href=\"talk.mp3\">",
            fix: "<resource id=\"res-talk\" kind=\"audio\" href=\"talk.mp3\"> … <accessibility transcript=\"talk.md\"/>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources
        where resource.kind == "audio" || (resource.mediaType?.lowercased() ?? "").hasPrefix("audio/") {
            if (resource.accessibility?.transcript ?? "").isEmpty {
                report.report(Self.self, "audio \"\(resource.id)\" has no transcript", at: resource.location)
            }
        }
    }
}
