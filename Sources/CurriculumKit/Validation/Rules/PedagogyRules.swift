import CurriculumModel

/// Checks that sessions have aligned objectives, activities are documented, case studies are complete, and
/// evaluation covers what is taught.
enum PedagogyRules: RuleSet {
    /// Verbs that describe an inner state rather than an observable performance.
    static let unmeasurableOpenings = [
        "understand", "know", "learn", "appreciate", "be aware", "become aware", "be familiar", "become familiar",
        "gain an understanding", "have an understanding", "realise", "realize",
    ]

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        var developed = Set<String>()
        for activity in context.allActivities { developed.formUnion(activity.develops) }
        var assessed = Set<String>()
        for activity in context.allActivities { assessed.formUnion(activity.assesses) }
        for question in context.allQuestions { assessed.formUnion(question.assesses) }

        for objective in context.allObjectives {
            if !developed.contains(objective.id) {
                report.report(
                    .ped002, "objective \"\(objective.id)\" is not developed by any activity", at: objective.location)
            }
            if !assessed.contains(objective.id) {
                report.report(
                    .ped003, "objective \"\(objective.id)\" is not assessed by any evaluation question",
                    at: objective.location)
            }
            let text = objective.text.text.lowercased()
            if let verb = unmeasurableOpenings.first(where: { text.hasPrefix($0 + " ") || text == $0 }) {
                report.report(
                    .ped004, "objective \"\(objective.id)\" starts with \"\(verb)\", which cannot be observed",
                    at: objective.location)
            }
        }
        for activity in context.allActivities where !activity.kind.isPause {
            if activity.facilitatorNotes == nil {
                report.report(
                    .ped005, "\(activity.kind) \"\(activity.id)\" has no facilitator notes", at: activity.location)
            }
            if activity.kind.needsParticipantInstructions && activity.participantInstructions == nil {
                report.report(
                    .ped006, "\(activity.kind) \"\(activity.id)\" has no participant instructions",
                    at: activity.location)
            }
        }
        for session in c.sessions { self.session(session, &report) }
        for study in context.allCaseStudies {
            let missing = [("context", study.context), ("approach", study.approach), ("impact", study.impact)]
                .filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                report.report(
                    .ped008, "case study \"\(study.id)\" has no \(missing.joined(separator: ", "))", at: study.location)
            }
            if study.sources.isEmpty {
                report.report(.ped009, "case study \"\(study.id)\" names no source", at: study.location)
            }
        }
        for question in context.allQuestions
        where ["single", "multiple"].contains(question.type) && question.options.count < 2 {
            report.report(
                .ped012,
                "\(question.type)-choice question \"\(question.id)\" has \(question.options.count) option\(question.options.count == 1 ? "" : "s")",
                at: question.location)
        }
    }

    private static func session(_ session: Session, _ report: inout DiagnosticCollector) {
        if session.objectiveRefs.isEmpty {
            report.report(.ped001, "session \"\(session.id)\" lists no objectives", at: session.location)
        }
        if session.evaluation.isEmpty {
            report.report(.ped007, "session \"\(session.id)\" has no evaluation instrument", at: session.location)
        }
        let developedHere = Set(session.allItems.flatMap(\.develops))
        for ref in session.objectiveRefs where !developedHere.contains(ref) {
            report.report(
                .ped011, "session \"\(session.id)\" lists objective \"\(ref)\", but none of its items develops it",
                at: session.location)
        }
        let working = session.allItems.filter { !$0.kind.isPause }
        let total = working.reduce(0) { $0 + ($1.minutes ?? 0) }
        let input = working.filter { $0.kind == .input }.reduce(0) { $0 + ($1.minutes ?? 0) }
        if total > 0 && input * 2 > total {
            report.report(
                .ped010, "\(input * 100 / total)% of session \"\(session.id)\"'s working time is input",
                at: session.location)
        }
    }
}
