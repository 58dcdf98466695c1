import CurriculumModel

/// SAF002: Consent not declared. Checks that case studies declare consent=.
enum ConsentUndeclared: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF002", family: .safety, severity: .warning, title: "Consent not declared",
        explanation:
            "Case studies must say on what basis they are told: consent obtained, a public source, or not required.",
        hint: "Add consent=\"obtained|public-source|not-required\".",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" anonymised=\"yes\">",
            fix: "<case-study id=\"cs-1\" anonymised=\"yes\" consent=\"public-source\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies where study.consent == nil {
            report.report(
                Self.self, "case study \"\(study.id)\" does not say on what basis it is told (consent=)",
                at: study.location)
        }
    }
}
