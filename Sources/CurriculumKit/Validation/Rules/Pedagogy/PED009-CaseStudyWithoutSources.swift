import CurriculumModel

/// PED009: Case study without sources. Checks that case studies name a source.
enum CaseStudyWithoutSources: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED009", family: .pedagogy, severity: .warning, title: "Case study without sources",
        explanation:
            "A case study names no source, so nobody can check or update it.",
        hint: "Add <sources><source …>.",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" …> … </case-study>",
            fix: "… <sources><source date=\"2024\">City annual report</source></sources> </case-study>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies where study.sources.isEmpty {
            report.report(Self.self, "case study \"\(study.id)\" names no source", at: study.location)
        }
    }
}
