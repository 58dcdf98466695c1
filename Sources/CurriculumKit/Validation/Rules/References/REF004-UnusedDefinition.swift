import CurriculumModel

/// REF004: Defined but never used. Checks that objectives, resources, case studies and modules are referred to.
enum UnusedDefinition: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF004", family: .references, severity: .warning, title: "Defined but never used",
        explanation:
            "An objective, resource, case study or module is defined but nothing refers to it.",
        hint: "Reference it where it is used, or remove it.",
        example: RuleExample(
            trigger: "<objective id=\"obj-extra\">…</objective>   (no develops=, assesses= or refs= names it)",
            fix: "<activity … develops=\"obj-extra\">, or remove the objective"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        var used = Set<String>()
        for activity in context.allActivities {
            used.formUnion(activity.develops + activity.assesses + activity.resources + activity.cases)
        }
        for question in context.allQuestions { used.formUnion(question.assesses) }
        for session in c.sessions {
            used.formUnion(session.objectiveRefs + session.moduleIDs + session.audiences)
            for instrument in session.evaluation { used.formUnion(instrument.questionModules) }
        }
        func flag(_ id: String, _ kind: String, _ location: SourceLocation?) {
            if !id.isEmpty && !used.contains(id) {
                report.report(Self.self, "\(kind) \"\(id)\" is defined but never used", at: location)
            }
        }
        context.allObjectives.forEach { flag($0.id, "objective", $0.location) }
        context.allResources.forEach { flag($0.id, "resource", $0.location) }
        context.allCaseStudies.forEach { flag($0.id, "case study", $0.location) }
        if !c.sessions.isEmpty { c.modules.forEach { flag($0.id, "module", $0.location) } }
    }
}
