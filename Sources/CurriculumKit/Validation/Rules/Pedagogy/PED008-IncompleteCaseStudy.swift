import CurriculumModel

/// PED008: Case study incomplete. Checks that case studies have context, approach and impact.
enum IncompleteCaseStudy: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "PED008", family: .pedagogy, severity: .warning, title: "Case study incomplete",
        explanation:
            "A case study lacks its context, approach or impact, so participants cannot analyse it.",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" …> <title>…</title> <context>…</context> </case-study>",
            fix: "… <context>…</context> <approach>…</approach> <impact>…</impact> </case-study>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies {
            let missing = [("context", study.context), ("approach", study.approach), ("impact", study.impact)]
                .filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                report.report(
                    Self.self, "case study \"\(study.id)\" has no \(missing.joined(separator: ", "))",
                    at: study.location)
            }
        }
    }
}
