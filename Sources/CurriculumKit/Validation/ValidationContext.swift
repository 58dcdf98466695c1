public import CurriculumModel
import Foundation

/// Everything a rule may look at: the model, its root folder, and indexes built once per run.
public struct ValidationContext: Sendable {
    public let curriculum: Curriculum
    public let root: CurriculumRoot
    /// Every definition of every ID, in document order.
    public let definitions: [String: [Definition]]
    /// Every text, built once for the rules that read text.
    let texts: TextInventory
    /// Every question of the programme: module questions and instrument questions.
    public let allQuestions: [Question]
    /// Every activity: module activities and session items (placed module activities are not repeated).
    public let allActivities: [Activity]
    /// Objectives, resources and case studies, from the top level and every module.
    public let allObjectives: [Objective]
    public let allResources: [Resource]
    public let allCaseStudies: [CaseStudy]
    /// Every reference that names nothing or the wrong kind of thing (REF002, REF003).
    let references: ReferenceProblems
    /// Every local resource file's problems, found once (REF005, REF006, REF007).
    let resourceFiles: ResourceFiles
    /// Every link target: external and link resources, case-study sources and links in texts (REF008, REF009).
    let linkTargets: [LinkTarget]

    /// A link and where it is written.
    struct LinkTarget: Sendable {
        var href: String
        var location: SourceLocation?
    }

    /// Creates a context and its indexes; rules share them instead of each walking the model again.
    public init(curriculum: Curriculum, root: CurriculumRoot) {
        self.curriculum = curriculum
        self.root = root
        self.definitions = Definition.index(curriculum)
        self.texts = TextInventory(curriculum)
        self.allQuestions =
            curriculum.modules.flatMap(\.questions) + curriculum.sessions.flatMap { $0.evaluation.flatMap(\.questions) }
        var activities: [Activity] = []
        for module in curriculum.modules { activities.append(contentsOf: module.activities) }
        for session in curriculum.sessions {
            for day in session.days {
                for item in day.agenda where item.module == nil { activities.append(item) }
            }
        }
        self.allActivities = activities
        self.allObjectives = curriculum.allObjectives
        self.allResources = curriculum.allResources
        self.allCaseStudies = curriculum.allCaseStudies
        self.references = ReferenceProblems(
            curriculum, definitions: definitions, texts: texts, activities: activities, questions: allQuestions)
        self.resourceFiles = ResourceFiles(allResources, root: root)
        var targets: [LinkTarget] = []
        for resource in allResources where resource.isExternal || resource.kind == "link" {
            if let href = resource.href { targets.append(LinkTarget(href: href, location: resource.location)) }
        }
        for study in allCaseStudies {
            for source in study.sources {
                if let href = source.href { targets.append(LinkTarget(href: href, location: study.location)) }
            }
        }
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) {
            for link in facts.links { targets.append(LinkTarget(href: link.href ?? "", location: entry.location)) }
        }
        self.linkTargets = targets
    }

    /// The kind of the first definition of an ID.
    public func kind(of id: String) -> Definition.Kind? { definitions[id]?.first?.kind }
}

/// Something that defines an ID.
public struct Definition: Sendable, Equatable {
    /// What kinds of things have IDs.
    public enum Kind: String, Sendable {
        case programme, audience, objective, resource, caseStudy = "case study", glossaryEntry = "glossary entry"
        case module, activity, session, item = "agenda item", instrument, question, delivery
    }

    public var kind: Kind
    public var location: SourceLocation?

    static func index(_ curriculum: Curriculum) -> [String: [Definition]] {
        var index: [String: [Definition]] = [:]
        func add(_ id: String, _ kind: Kind, _ location: SourceLocation?) {
            guard !id.isEmpty else { return }
            index[id, default: []].append(Definition(kind: kind, location: location))
        }
        add(curriculum.id, .programme, curriculum.location)
        curriculum.audiences.forEach { add($0.id, .audience, $0.location) }
        curriculum.allObjectives.forEach { add($0.id, .objective, $0.location) }
        curriculum.allResources.forEach { add($0.id, .resource, $0.location) }
        curriculum.allCaseStudies.forEach { add($0.id, .caseStudy, $0.location) }
        curriculum.glossary.forEach { add($0.id, .glossaryEntry, $0.location) }
        for module in curriculum.modules {
            add(module.id, .module, module.location)
            module.activities.forEach { add($0.id, .activity, $0.location) }
            module.questions.forEach { add($0.id, .question, $0.location) }
        }
        for session in curriculum.sessions {
            add(session.id, .session, session.location)
            for day in session.days {
                for item in day.agenda where item.module == nil { add(item.id, .item, item.location) }
            }
            for instrument in session.evaluation {
                add(instrument.id, .instrument, instrument.location)
                instrument.questions.forEach { add($0.id, .question, $0.location) }
            }
        }
        curriculum.deliveries.forEach { add($0.id, .delivery, $0.location) }
        return index
    }
}
