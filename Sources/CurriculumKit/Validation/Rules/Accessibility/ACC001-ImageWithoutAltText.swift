import CurriculumModel
import Foundation

/// ACC001: Image without alt text. Checks image resources for alt text.
enum ImageWithoutAltText: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "ACC001", family: .accessibility, severity: .error, title: "Image without alt text",
        explanation:
            "Images need a text alternative for screen readers and for print readers who cannot see them.",
        hint: "Add <accessibility alt=\"…\"/>.",
        example: RuleExample(
            trigger: "<resource id=\"res-map\" kind=\"image\" href=\"map.png\">",
            fix:
                "<resource id=\"res-map\" kind=\"image\" href=\"map.png\"> … <accessibility alt=\"Map of the partners\"/>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources
        where resource.kind == "image" || (resource.mediaType?.lowercased() ?? "").hasPrefix("image/") {
            if (resource.accessibility?.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                report.report(Self.self, "image \"\(resource.id)\" has no alt text", at: resource.location)
            }
        }
    }
}
