import CurriculumModel

/// ACC006: Resource language not declared. Checks that document resources of a translated programme say their language.
enum ResourceLanguageMissing: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC006", family: .accessibility, severity: .warning, title: "Resource language not declared",
        explanation:
            "In a programme with translations, a document resource must say its language (xml:lang) so screen readers pronounce it correctly and trainers hand out the right version.",
        hint: "Add xml:lang=\"…\" to the resource.",
        example: RuleExample(
            trigger:
                "<languages source=\"en\" translations=\"fr\"/> … <resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\">",
            fix: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\" xml:lang=\"en\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        guard !context.curriculum.meta.translationLanguages.isEmpty else { return }
        for resource in context.allResources
        where resource.language == nil && !["link", "image", "video", "audio"].contains(resource.kind) {
            report.report(Self.self, "resource \"\(resource.id)\" does not say its language", at: resource.location)
        }
    }
}
