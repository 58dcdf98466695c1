import CurriculumModel

/// SAF001: Anonymisation not declared. Checks that case studies declare anonymised=.
enum AnonymisationUndeclared: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF001", family: .safety, severity: .warning, title: "Anonymisation not declared",
        explanation:
            "Case studies about people and places must say whether they are anonymised.",
        hint: "Add anonymised=\"yes|no|not-applicable\".",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" consent=\"obtained\">",
            fix: "<case-study id=\"cs-1\" consent=\"obtained\" anonymised=\"yes\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies where study.anonymised == nil {
            report.report(
                Self.self, "case study \"\(study.id)\" does not say whether it is anonymised", at: study.location)
        }
    }
}
