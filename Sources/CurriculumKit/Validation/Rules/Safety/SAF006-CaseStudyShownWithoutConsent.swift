import CurriculumExportKit
import CurriculumModel

/// SAF006: Case study shown without consent. Checks participant-visible case studies for consent or anonymisation.
enum CaseStudyShownWithoutConsent: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF006", family: .safety, severity: .error, title: "Case study shown without consent",
        explanation:
            "A case study whose consent is pending, or which is not anonymised, is visible to participants.",
        hint: "Obtain consent or anonymise it, or mark it for=\"facilitator\".",
        example: RuleExample(
            trigger: "<case-study id=\"cs-1\" consent=\"pending\" anonymised=\"yes\">",
            fix: "<case-study id=\"cs-1\" consent=\"pending\" anonymised=\"yes\" for=\"facilitator\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies
        where ParticipantView.sees(study)
            && (study.consent == "pending"
                || (study.anonymised == "no" && study.consent != "obtained" && study.consent != "public-source"))
        {
            report.report(
                Self.self,
                "case study \"\(study.id)\" is shown to participants but its consent is \(study.consent ?? "undeclared") and it is not anonymised",
                at: study.location)
        }
    }
}
