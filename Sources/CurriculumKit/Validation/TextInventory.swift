import CurriculumExportKit
import CurriculumModel

/// Every piece of text in a curriculum, with where it is and whether participants will read it.
///
/// Rules about text (empty titles, translations, personal data, secrets, link wording) walk this list instead of
/// each knowing the whole model. Whether participants read a text is asked of ``ParticipantView``, the same view
/// the exporters print from, so the rules check exactly what participants will be given.
struct TextInventory {
    enum Content: Sendable {
        case label(Label)
        case rich(RichText)
    }

    /// What a text is, for messages: `title of session "s1"`. Kept in parts and only written out when a rule
    /// reports on the text, since almost none are reported on.
    enum Role: Sendable {
        /// A phrase on its own: `programme title`.
        case phrase(String)
        /// `title of session "s1"`, `step of item "i1"`.
        case part(String, of: String, id: String)
        /// `objective "o1"`, `glossary term "g1"`.
        case named(String, id: String)
        /// `title of day 2 of "s1"`.
        case day(Int, session: String)

        var description: String {
            switch self {
            case .phrase(let phrase): phrase
            case .part(let part, let owner, let id): "\(part) of \(owner) \"\(id)\""
            case .named(let kind, let id): "\(kind) \"\(id)\""
            case .day(let number, let session): "title of day \(number) of \"\(session)\""
            }
        }
    }

    /// One text and what the rules need to know about it. A class, so that the many passes over the inventory
    /// share each entry instead of copying its strings and arrays.
    final class Entry: Sendable {
        let content: Content
        let roleParts: Role
        /// What the text is, for messages: `title of session "s1"`.
        var role: String { roleParts.description }
        let location: SourceLocation?
        let isParticipantFacing: Bool
        /// Whether it is a required title (checked for emptiness).
        let isRequired: Bool
        /// The session that shows it, when it is inside one (translation requirements).
        let session: String?

        init(
            content: Content, roleParts: Role, location: SourceLocation?, isParticipantFacing: Bool,
            isRequired: Bool, session: String?
        ) {
            self.content = content
            self.roleParts = roleParts
            self.location = location
            self.isParticipantFacing = isParticipantFacing
            self.isRequired = isRequired
            self.session = session
        }
    }

    init(_ curriculum: Curriculum) {
        let c = curriculum
        translatedSessions = Set(c.sessions.filter { !$0.translationLanguages.isEmpty }.map(\.id))
        add(.label(c.title), .phrase("programme title"), c.location, participant: true, required: true)
        if let summary = c.meta.summary {
            add(
                .rich(summary), .phrase("programme summary"), c.location,
                participant: ParticipantView.sees(summary, as: .programmeSummary))
        }
        if let provenance = c.meta.provenance {
            add(
                .rich(provenance), .phrase("programme provenance"), c.location,
                participant: ParticipantView.sees(provenance, as: .provenance))
        }
        // The owner, funders and licence are printed on the facilitator guide's cover, the keywords in a cartridge.
        let programmeFacts =
            [("programme owner", c.meta.owner)].compactMap { role, label in label.map { (role, $0) } }
            + c.meta.funders.map { ("programme funder", $0) }
            + [("programme licence", c.meta.licence)].compactMap { role, label in label.map { (role, $0) } }
            + c.meta.keywords.map { ("programme keyword", $0) }
        for (role, label) in programmeFacts {
            add(.label(label), .phrase(role), c.location, participant: false)
        }
        for audience in c.audiences {
            add(
                .label(audience.name), .part("name", of: "audience", id: audience.id), audience.location,
                participant: false, required: true)
            let profile =
                audience.sectors.map { ("sector", $0) }
                + [
                    ("background", audience.background), ("prior knowledge", audience.priorKnowledge),
                    ("needs", audience.needs),
                ].compactMap { part, label in label.map { (part, $0) } }
            for (part, label) in profile {
                add(.label(label), .part(part, of: "audience", id: audience.id), audience.location, participant: false)
            }
        }
        for delivery in c.deliveries {
            let texts =
                [("venue name", delivery.venueName), ("venue address", delivery.venueAddress)]
                .compactMap { part, label in label.map { (part, $0) } }
                + delivery.facilitators.map { ("facilitator", $0.name) }
            for (part, label) in texts {
                add(.label(label), .part(part, of: "delivery", id: delivery.id), delivery.location, participant: false)
            }
        }
        for objective in c.objectives { addObjective(objective, session: nil) }
        for resource in c.resources { addResource(resource, session: nil) }
        for study in c.caseStudies { addCase(study, session: nil) }
        for entry in c.glossary {
            // Participants get a glossary entry only when they may read its definition.
            let visible = ParticipantView.sees(entry.definition, as: .glossaryDefinition)
            add(
                .label(entry.term), .named("glossary term", id: entry.id), entry.location, participant: visible,
                required: true)
            add(
                .rich(entry.definition), .named("glossary definition", id: entry.id), entry.location,
                participant: visible)
        }
        for module in c.modules {
            add(
                .label(module.title), .part("title", of: "module", id: module.id), module.location, participant: true,
                required: true)
            if let summary = module.summary {
                add(
                    .rich(summary), .part("summary", of: "module", id: module.id), module.location,
                    participant: ParticipantView.sees(summary, as: .moduleSummary))
            }
            module.objectives.forEach { addObjective($0, session: nil) }
            module.resources.forEach { addResource($0, session: nil) }
            module.caseStudies.forEach { addCase($0, session: nil) }
            module.activities.forEach { addActivity($0, session: nil) }
            module.questions.forEach { addQuestion($0, session: nil) }
        }
        let shared = SharedDefinitions(c)
        for session in c.sessions { addSession(session, curriculum: c, shared: shared) }
        facts = uniqueEntries.map { TextFacts($0.content) }
    }

    /// Objectives, resources and case studies by ID, made once for every session that shows them again.
    private struct SharedDefinitions {
        let objectives: [String: Objective]
        let resources: [String: Resource]
        let cases: [String: CaseStudy]

        init(_ c: Curriculum) {
            let wanted = c.sessions.contains { !$0.translationLanguages.isEmpty }
            objectives =
                wanted ? Dictionary(c.allObjectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
            resources =
                wanted ? Dictionary(c.allResources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
            cases =
                wanted ? Dictionary(c.allCaseStudies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        }
    }

    private mutating func addSession(_ session: Session, curriculum c: Curriculum, shared: SharedDefinitions) {
        let id = session.id
        // Texts shown again in a session matter only for its translations; without any, they are not listed.
        let translated = !session.translationLanguages.isEmpty
        add(
            .label(session.title), .part("title", of: "session", id: id), session.location, participant: true,
            required: true, session: id)
        if let summary = session.summary {
            add(
                .rich(summary), .part("summary", of: "session", id: id), session.location,
                participant: ParticipantView.sees(summary, as: .sessionSummary),
                session: id)
        }
        for task in session.preparation {
            add(
                .label(task.text), .part("preparation task", of: "session", id: id), session.location,
                participant: false)
        }
        for material in session.materials {
            add(.label(material.text), .part("material", of: "session", id: id), session.location, participant: false)
        }
        for day in session.days {
            if let title = day.title {
                add(.label(title), .day(day.number, session: id), day.location, participant: true, session: id)
            }
            for item in day.agenda {
                if item.module == nil {
                    addActivity(item, session: id)
                } else if translated {
                    // Placed module activities are checked once as module content; here only for translation.
                    addActivity(item, session: id, translationOnly: true)
                }
            }
        }
        for instrument in session.evaluation {
            let visible = ParticipantView.sees(instrument)
            add(
                .label(instrument.title), .part("title", of: "instrument", id: instrument.id), instrument.location,
                participant: visible, required: true, session: id)
            instrument.questions.forEach { addQuestion($0, session: id, participant: visible) }
            guard translated else { continue }
            for moduleID in instrument.questionModules {
                c.module(moduleID)?.questions.forEach {
                    addQuestion($0, session: id, participant: visible, translationOnly: true)
                }
            }
        }
        guard translated else { return }
        for ref in session.objectiveRefs {
            if let objective = shared.objectives[ref] { addObjective(objective, session: id, translationOnly: true) }
        }
        var seenResources = Set<String>()
        var seenCases = Set<String>()
        for day in session.days {
            for item in day.agenda {
                for ref in item.resources where seenResources.insert(ref).inserted {
                    if let resource = shared.resources[ref], ParticipantView.sees(resource) {
                        addResource(resource, session: id, translationOnly: true)
                    }
                }
                for ref in item.cases where seenCases.insert(ref).inserted {
                    if let study = shared.cases[ref], ParticipantView.sees(study) {
                        addCase(study, session: id, translationOnly: true)
                    }
                }
            }
        }
    }

    private mutating func addObjective(_ objective: Objective, session: String?, translationOnly: Bool = false) {
        add(
            .label(objective.text), .named("objective", id: objective.id), objective.location, participant: true,
            required: true, session: session, translationOnly: translationOnly)
    }

    private mutating func addResource(_ resource: Resource, session: String?, translationOnly: Bool = false) {
        let visible = ParticipantView.sees(resource)
        add(
            .label(resource.title), .part("title", of: "resource", id: resource.id), resource.location,
            participant: visible,
            required: true, session: session, translationOnly: translationOnly)
        if !translationOnly, let description = resource.description {
            add(
                .rich(description), .part("description", of: "resource", id: resource.id), resource.location,
                participant: visible && ParticipantView.sees(description, as: .resourceDescription))
        }
    }

    private mutating func addCase(_ study: CaseStudy, session: String?, translationOnly: Bool = false) {
        let visible = ParticipantView.sees(study)
        add(
            .label(study.title), .part("title", of: "case study", id: study.id), study.location, participant: visible,
            required: true,
            session: session, translationOnly: translationOnly)
        if let summary = study.summary {
            add(
                .rich(summary), .part("summary", of: "case study", id: study.id), study.location,
                participant: visible && ParticipantView.sees(summary, as: .caseStudySection),
                session: session,
                translationOnly: translationOnly)
        }
        for question in study.discussion {
            add(
                .label(question), .part("discussion question", of: "case study", id: study.id), study.location,
                participant: visible,
                session: session, translationOnly: translationOnly)
        }
        guard !translationOnly else { return }
        for (part, text) in [
            ("context", study.context), ("approach", study.approach), ("impact", study.impact),
            ("lessons", study.lessons), ("content warning", study.contentWarning),
        ] {
            if let text {
                add(
                    .rich(text), .part(part, of: "case study", id: study.id), text.location ?? study.location,
                    participant: visible && ParticipantView.sees(text, as: .caseStudySection))
            }
        }
        if let notes = study.facilitatorNotes {
            add(
                .rich(notes), .part("facilitator notes", of: "case study", id: study.id),
                notes.location ?? study.location, participant: false)
        }
    }

    private mutating func addActivity(_ activity: Activity, session: String?, translationOnly: Bool = false) {
        let owner = activity.module == nil && session != nil ? "item" : "activity"
        func role(_ part: String) -> Role { .part(part, of: owner, id: activity.id) }
        let visible = ParticipantView.sees(activity)
        let at = translationOnly ? activity.agendaLocation : activity.location
        add(
            .label(activity.title), role("title"), at, participant: visible, required: true, session: session,
            translationOnly: translationOnly)
        if let purpose = activity.purpose {
            add(
                .rich(purpose), role("purpose"), purpose.location ?? at,
                participant: visible && ParticipantView.sees(purpose, as: .purpose), session: session,
                translationOnly: translationOnly)
        }
        if let instructions = activity.participantInstructions {
            add(
                .rich(instructions), role("participant instructions"), instructions.location ?? at,
                participant: visible && ParticipantView.sees(instructions, as: .participantInstructions),
                session: session, translationOnly: translationOnly)
        }
        guard !translationOnly else { return }
        // Steps, notes, debrief questions and variants are never participant fields of the view.
        for step in activity.steps { add(.label(step.text), role("step"), at, participant: false) }
        if let notes = activity.facilitatorNotes {
            add(.rich(notes), role("facilitator notes"), notes.location ?? at, participant: false)
        }
        if let note = activity.sensitivityNote {
            add(.rich(note), role("sensitivity note"), note.location ?? at, participant: false)
        }
        for question in activity.debrief {
            add(.label(question), role("debrief question"), at, participant: false)
        }
        for variant in activity.variants {
            add(
                .rich(variant.text), role("\(variant.mode) variant"), variant.text.location ?? at,
                participant: false)
        }
    }

    /// - Parameter participant: Whether participants are handed the instrument that asks it (module questions are
    ///   written for participants).
    private mutating func addQuestion(
        _ question: Question, session: String?, participant: Bool = true, translationOnly: Bool = false
    ) {
        add(
            .label(question.text), .named("question", id: question.id), question.location, participant: participant,
            required: true,
            session: session, translationOnly: translationOnly)
        for option in question.options {
            add(
                .label(option), .part("option", of: "question", id: question.id), question.location,
                participant: participant,
                session: session, translationOnly: translationOnly)
        }
        guard let key = question.key else { return }
        // Feedback is read by participants after they answer; the accepted answers and the explanation are the
        // key itself, for facilitators.
        for feedback in key.feedback {
            add(
                .label(feedback.text), .part("feedback", of: "question", id: question.id),
                feedback.location ?? question.location, participant: participant, session: session,
                translationOnly: translationOnly)
        }
        for answer in key.acceptedAnswers {
            add(
                .label(answer), .part("accepted answer", of: "question", id: question.id), question.location,
                participant: false, session: session, translationOnly: translationOnly)
        }
        if let explanation = key.explanation {
            add(
                .rich(explanation), .part("explanation", of: "question", id: question.id),
                explanation.location ?? question.location, participant: false, session: session,
                translationOnly: translationOnly)
        }
    }

    /// Each text once, for rules that are not about a session's translations.
    private(set) var uniqueEntries: [Entry] = []
    /// What one walk over each of ``uniqueEntries`` found, at the same index.
    private(set) var facts: [TextFacts] = []
    /// Participant-facing texts by the session that shows them, for the translation check; only sessions given in
    /// other languages are listed.
    private var bySession: [String: [Entry]] = [:]
    private let translatedSessions: Set<String>

    private mutating func add(
        _ content: Content, _ role: Role, _ location: SourceLocation?, participant: Bool, required: Bool = false,
        session: String? = nil, translationOnly: Bool = false
    ) {
        let entry = Entry(
            content: content, roleParts: role, location: location, isParticipantFacing: participant,
            isRequired: required, session: session)
        if !translationOnly { uniqueEntries.append(entry) }
        if let session, participant, translatedSessions.contains(session) {
            bySession[session, default: []].append(entry)
        }
    }

    /// The texts a session shows participants, for its translation check; empty for a session not given in other
    /// languages.
    func participantEntries(ofSession id: String) -> [Entry] {
        bySession[id] ?? []
    }
}
