import CurriculumModel

/// Every piece of text in a curriculum, with where it is and whether participants will read it.
///
/// Rules about text (empty titles, translations, personal data, secrets, link wording) walk this list instead of
/// each knowing the whole model.
struct TextInventory {
    enum Content {
        case label(Label)
        case rich(RichText)
    }

    struct Entry {
        var content: Content
        /// What the text is, for messages: `title of session "s1"`.
        var role: String
        var location: SourceLocation?
        var isParticipantFacing: Bool
        /// Whether it is a required title (checked for emptiness).
        var isRequired: Bool
        /// The session that shows it, when it is inside one (translation requirements).
        var session: String?
    }

    private(set) var entries: [Entry] = []

    init(_ curriculum: Curriculum) {
        let c = curriculum
        add(.label(c.title), "programme title", c.location, participant: true, required: true)
        if let summary = c.meta.summary { add(.rich(summary), "programme summary", c.location, participant: true) }
        for audience in c.audiences {
            add(
                .label(audience.name), "name of audience \"\(audience.id)\"", audience.location, participant: false,
                required: true)
        }
        for objective in c.objectives { addObjective(objective, session: nil) }
        for resource in c.resources { addResource(resource, session: nil) }
        for study in c.caseStudies { addCase(study, session: nil) }
        for entry in c.glossary {
            add(.label(entry.term), "glossary term \"\(entry.id)\"", entry.location, participant: true, required: true)
            add(.rich(entry.definition), "glossary definition \"\(entry.id)\"", entry.location, participant: true)
        }
        for module in c.modules {
            add(
                .label(module.title), "title of module \"\(module.id)\"", module.location, participant: true,
                required: true)
            if let summary = module.summary {
                add(.rich(summary), "summary of module \"\(module.id)\"", module.location, participant: true)
            }
            module.objectives.forEach { addObjective($0, session: nil) }
            module.resources.forEach { addResource($0, session: nil) }
            module.caseStudies.forEach { addCase($0, session: nil) }
            module.activities.forEach { addActivity($0, session: nil) }
            module.questions.forEach { addQuestion($0, session: nil) }
        }
        for session in c.sessions { addSession(session, curriculum: c) }
    }

    private mutating func addSession(_ session: Session, curriculum c: Curriculum) {
        let id = session.id
        add(
            .label(session.title), "title of session \"\(id)\"", session.location, participant: true, required: true,
            session: id)
        if let summary = session.summary {
            add(.rich(summary), "summary of session \"\(id)\"", session.location, participant: true, session: id)
        }
        for task in session.preparation {
            add(.label(task.text), "preparation task of session \"\(id)\"", session.location, participant: false)
        }
        for material in session.materials {
            add(.label(material.text), "material of session \"\(id)\"", session.location, participant: false)
        }
        for day in session.days {
            if let title = day.title {
                add(
                    .label(title), "title of day \(day.number) of \"\(id)\"", day.location, participant: true,
                    session: id)
            }
            for item in day.agenda {
                if item.module == nil {
                    addActivity(item, session: id)
                } else {
                    // Placed module activities are checked once as module content; here only for translation.
                    addActivity(item, session: id, translationOnly: true)
                }
            }
        }
        for instrument in session.evaluation {
            add(
                .label(instrument.title), "title of instrument \"\(instrument.id)\"", instrument.location,
                participant: true, required: true, session: id)
            instrument.questions.forEach { addQuestion($0, session: id) }
            for moduleID in instrument.questionModules {
                c.module(moduleID)?.questions.forEach { addQuestion($0, session: id, translationOnly: true) }
            }
        }
        let objectives = Dictionary(c.allObjectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for ref in session.objectiveRefs {
            if let objective = objectives[ref] { addObjective(objective, session: id, translationOnly: true) }
        }
        let resources = Dictionary(c.allResources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cases = Dictionary(c.allCaseStudies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seenResources = Set<String>()
        var seenCases = Set<String>()
        for item in session.allItems {
            for ref in item.resources where seenResources.insert(ref).inserted {
                if let resource = resources[ref], resource.visibility.isVisibleToParticipants {
                    addResource(resource, session: id, translationOnly: true)
                }
            }
            for ref in item.cases where seenCases.insert(ref).inserted {
                if let study = cases[ref], study.visibility.isVisibleToParticipants {
                    addCase(study, session: id, translationOnly: true)
                }
            }
        }
    }

    private mutating func addObjective(_ objective: Objective, session: String?, translationOnly: Bool = false) {
        add(
            .label(objective.text), "objective \"\(objective.id)\"", objective.location, participant: true,
            required: true, session: session, translationOnly: translationOnly)
    }

    private mutating func addResource(_ resource: Resource, session: String?, translationOnly: Bool = false) {
        let visible = resource.visibility.isVisibleToParticipants
        add(
            .label(resource.title), "title of resource \"\(resource.id)\"", resource.location, participant: visible,
            required: true, session: session, translationOnly: translationOnly)
        if !translationOnly, let description = resource.description {
            add(
                .rich(description), "description of resource \"\(resource.id)\"", resource.location,
                participant: visible)
        }
    }

    private mutating func addCase(_ study: CaseStudy, session: String?, translationOnly: Bool = false) {
        let visible = study.visibility.isVisibleToParticipants
        let name = "case study \"\(study.id)\""
        add(
            .label(study.title), "title of \(name)", study.location, participant: visible, required: true,
            session: session, translationOnly: translationOnly)
        if let summary = study.summary {
            add(
                .rich(summary), "summary of \(name)", study.location, participant: visible, session: session,
                translationOnly: translationOnly)
        }
        for question in study.discussion {
            add(
                .label(question), "discussion question of \(name)", study.location, participant: visible,
                session: session, translationOnly: translationOnly)
        }
        guard !translationOnly else { return }
        for (part, text) in [
            ("context", study.context), ("approach", study.approach), ("impact", study.impact),
            ("lessons", study.lessons), ("content warning", study.contentWarning),
        ] {
            if let text {
                add(.rich(text), "\(part) of \(name)", text.location ?? study.location, participant: visible)
            }
        }
        if let notes = study.facilitatorNotes {
            add(.rich(notes), "facilitator notes of \(name)", notes.location ?? study.location, participant: false)
        }
    }

    private mutating func addActivity(_ activity: Activity, session: String?, translationOnly: Bool = false) {
        let name = "\(activity.module == nil && session != nil ? "item" : "activity") \"\(activity.id)\""
        let visible = (activity.audience ?? .all).isVisibleToParticipants
        let at = translationOnly ? activity.agendaLocation : activity.location
        add(
            .label(activity.title), "title of \(name)", at, participant: visible, required: true, session: session,
            translationOnly: translationOnly)
        if let purpose = activity.purpose {
            add(
                .rich(purpose), "purpose of \(name)", purpose.location ?? at, participant: visible, session: session,
                translationOnly: translationOnly)
        }
        if let instructions = activity.participantInstructions {
            add(
                .rich(instructions), "participant instructions of \(name)", instructions.location ?? at,
                participant: visible && (instructions.audience ?? .participant).isVisibleToParticipants,
                session: session, translationOnly: translationOnly)
        }
        guard !translationOnly else { return }
        for step in activity.steps { add(.label(step.text), "step of \(name)", at, participant: false) }
        if let notes = activity.facilitatorNotes {
            add(.rich(notes), "facilitator notes of \(name)", notes.location ?? at, participant: false)
        }
        if let note = activity.sensitivityNote {
            add(.rich(note), "sensitivity note of \(name)", note.location ?? at, participant: false)
        }
        for question in activity.debrief {
            add(.label(question), "debrief question of \(name)", at, participant: false)
        }
        for variant in activity.variants {
            add(
                .rich(variant.text), "\(variant.mode) variant of \(name)", variant.text.location ?? at,
                participant: false)
        }
    }

    private mutating func addQuestion(_ question: Question, session: String?, translationOnly: Bool = false) {
        add(
            .label(question.text), "question \"\(question.id)\"", question.location, participant: true, required: true,
            session: session, translationOnly: translationOnly)
        for option in question.options {
            add(
                .label(option), "option of question \"\(question.id)\"", question.location, participant: true,
                session: session, translationOnly: translationOnly)
        }
    }

    /// Each text once, for rules that are not about a session's translations.
    private(set) var uniqueEntries: [Entry] = []
    /// Participant-facing texts by the session that shows them, for the translation check.
    private var bySession: [String: [Entry]] = [:]

    private mutating func add(
        _ content: Content, _ role: String, _ location: SourceLocation?, participant: Bool, required: Bool = false,
        session: String? = nil, translationOnly: Bool = false
    ) {
        let entry = Entry(
            content: content, role: role, location: location, isParticipantFacing: participant, isRequired: required,
            session: session)
        entries.append(entry)
        if !translationOnly { uniqueEntries.append(entry) }
        if let session, participant { bySession[session, default: []].append(entry) }
    }

    /// The texts a session shows participants, for its translation check.
    func participantEntries(ofSession id: String) -> [Entry] {
        bySession[id] ?? []
    }
}
