import CurriculumModel

/// Every place the model refers to IDs, with the attribute that does and the kind of thing it must name. REF002
/// (dangling) and REF003 (wrong kind) read the same places.
enum ReferenceSites {
    /// Calls `body` with each list of references, the attribute's name for messages, the kind it must name and
    /// where it is.
    static func visit(
        _ context: ValidationContext,
        _ body: (_ refs: [String], _ attribute: String, _ kind: Definition.Kind, _ location: SourceLocation?) -> Void
    ) {
        for activity in context.allActivities {
            body(activity.develops, "develops", .objective, activity.location)
            body(activity.assesses, "assesses", .objective, activity.location)
            body(activity.resources, "resources", .resource, activity.location)
            body(activity.cases, "cases", .caseStudy, activity.location)
        }
        for question in context.allQuestions { body(question.assesses, "assesses", .objective, question.location) }
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where !facts.termRefs.isEmpty {
            body(facts.termRefs, "term ref", .glossaryEntry, entry.location)
        }
        for session in context.curriculum.sessions {
            body(session.audiences, "audience", .audience, session.location)
            body(session.prerequisites, "prerequisites", .session, session.location)
            body(session.objectiveRefs, "objectives-ref refs", .objective, session.location)
            for instrument in session.evaluation {
                body(instrument.questionModules, "questions-from module", .module, instrument.location)
            }
        }
    }
}
