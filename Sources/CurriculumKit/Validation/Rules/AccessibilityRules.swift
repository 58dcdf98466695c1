import CurriculumModel
import Foundation

/// Checks text alternatives for media, link wording, PDF tagging and resource languages.
enum AccessibilityRules: RuleSet {
    /// Link texts that say nothing about their target.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "read more", "more", "link", "this link", "click", "this", "go", "details",
        "cliquez ici", "ici", "en savoir plus",
    ]

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        for resource in context.allResources {
            let access = resource.accessibility
            let media = resource.mediaType?.lowercased() ?? ""
            let path = resource.href?.lowercased() ?? ""
            if resource.kind == "image" || media.hasPrefix("image/") {
                if (access?.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    report.report(.acc001, "image \"\(resource.id)\" has no alt text", at: resource.location)
                }
            }
            if resource.kind == "video" || media.hasPrefix("video/") {
                if access?.hasCaptions != true && (access?.transcript ?? "").isEmpty {
                    report.report(
                        .acc003, "video \"\(resource.id)\" has neither captions nor a transcript", at: resource.location
                    )
                }
            }
            if resource.kind == "audio" || media.hasPrefix("audio/") {
                if (access?.transcript ?? "").isEmpty {
                    report.report(.acc005, "audio \"\(resource.id)\" has no transcript", at: resource.location)
                }
            }
            if media == "application/pdf" || path.hasSuffix(".pdf"), access?.isTagged != true {
                report.report(.acc004, "PDF \"\(resource.id)\" is not declared tagged", at: resource.location)
            }
            let isDocument = !["link", "image", "video", "audio"].contains(resource.kind)
            if isDocument, !c.meta.translationLanguages.isEmpty, resource.language == nil {
                report.report(.acc006, "resource \"\(resource.id)\" does not say its language", at: resource.location)
            }
        }
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) {
            for link in facts.links {
                let wording = link.wording.trimmingCharacters(in: .whitespacesAndNewlines)
                let normalised = wording.lowercased().trimmingCharacters(in: .punctuationCharacters)
                if vagueLinkTexts.contains(normalised) || normalised.isEmpty {
                    report.report(.acc002, "a link in the \(entry.role) reads \"\(wording)\"", at: entry.location)
                }
            }
        }
    }
}
