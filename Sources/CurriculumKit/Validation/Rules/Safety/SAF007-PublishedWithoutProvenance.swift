import CurriculumModel

/// SAF007: Published programme without a provenance statement. Checks that a programme marked published says who
/// wrote it and from what.
enum PublishedWithoutProvenance: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF007", family: .safety, severity: .warning,
        title: "Published programme without a provenance statement",
        explanation:
            "Training material about real cities, organisations and people can be mistaken for their own work. A published programme says on every pack's cover who wrote it, from which sources, and that the bodies it describes did not produce or endorse it.",
        hint: "Add <provenance> to <meta>, after <summary>.",
        example: RuleExample(
            trigger: "<programme … status=\"published\"><meta><title>…</title></meta>",
            fix:
                "<meta><title>…</title><provenance><p>Written by … from …; not produced or endorsed by …</p></provenance></meta>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let curriculum = context.curriculum
        guard curriculum.status == "published", curriculum.meta.provenance == nil else { return }
        report.report(
            Self.self, "programme \"\(curriculum.id)\" is published but has no provenance statement",
            at: curriculum.location)
    }
}
