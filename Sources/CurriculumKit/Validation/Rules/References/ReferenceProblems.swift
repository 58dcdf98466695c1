import CurriculumModel

/// Every reference in the model that does not name what it should, found in one pass over every place the model
/// refers to IDs. REF002 reports the dangling ones and REF003 those naming the wrong kind of thing.
struct ReferenceProblems: Sendable {
    /// One reference that names nothing, or the wrong kind of thing.
    struct Problem: Sendable {
        var ref: String
        /// The attribute's name, for messages.
        var attribute: String
        /// The kind the attribute must name.
        var expected: Definition.Kind
        /// The kind the ID has, or `nil` when nothing defines it.
        var found: Definition.Kind?
        var location: SourceLocation?
    }

    /// Every problem, in model order.
    let problems: [Problem]

    init(
        _ curriculum: Curriculum, definitions: [String: [Definition]], texts: TextInventory, activities: [Activity],
        questions: [Question]
    ) {
        var problems: [Problem] = []
        func check(_ refs: [String], _ attribute: String, _ expected: Definition.Kind, _ location: SourceLocation?) {
            for ref in refs {
                let found = definitions[ref]?.first?.kind
                if found != expected {
                    problems.append(
                        Problem(ref: ref, attribute: attribute, expected: expected, found: found, location: location))
                }
            }
        }
        for activity in activities {
            check(activity.develops, "develops", .objective, activity.location)
            check(activity.assesses, "assesses", .objective, activity.location)
            check(activity.resources, "resources", .resource, activity.location)
            check(activity.cases, "cases", .caseStudy, activity.location)
        }
        for question in questions { check(question.assesses, "assesses", .objective, question.location) }
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where !facts.termRefs.isEmpty {
            check(facts.termRefs, "term ref", .glossaryEntry, entry.location)
        }
        for session in curriculum.sessions {
            check(session.audiences, "audience", .audience, session.location)
            check(session.prerequisites, "prerequisites", .session, session.location)
            check(session.objectiveRefs, "objectives-ref refs", .objective, session.location)
            for instrument in session.evaluation {
                check(instrument.questionModules, "questions-from module", .module, instrument.location)
            }
        }
        self.problems = problems
    }
}
