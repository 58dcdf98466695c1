/// A training programme: the root of the model, as loaded from a `<programme>` document and its includes.
///
/// IDs are programme-wide: objectives, resources and case studies defined inside modules share one namespace
/// with those defined at the top level.
public struct Curriculum: Codable, Sendable, Equatable {
    /// The model version this value follows; additive changes keep the major number.
    public static let modelVersion = "1.0"

    public var id: String
    public var title: Label
    /// The BCP 47 tag of the source language (`xml:lang` on the root).
    public var language: String
    public var formatVersion: String
    public var revision: Int?
    public var status: String?
    public var meta: ProgrammeMeta
    public var audiences: [Audience]
    public var objectives: [Objective]
    public var resources: [Resource]
    public var caseStudies: [CaseStudy]
    public var glossary: [GlossaryEntry]
    public var modules: [Module]
    public var sessions: [Session]
    public var deliveries: [Delivery]
    public var location: SourceLocation?

    /// Creates a curriculum.
    public init(
        id: String, title: Label, language: String, formatVersion: String = "1.0", revision: Int? = nil,
        status: String? = nil, meta: ProgrammeMeta = ProgrammeMeta(), audiences: [Audience] = [],
        objectives: [Objective] = [], resources: [Resource] = [], caseStudies: [CaseStudy] = [],
        glossary: [GlossaryEntry] = [], modules: [Module] = [], sessions: [Session] = [],
        deliveries: [Delivery] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.formatVersion = formatVersion
        self.revision = revision
        self.status = status
        self.meta = meta
        self.audiences = audiences
        self.objectives = objectives
        self.resources = resources
        self.caseStudies = caseStudies
        self.glossary = glossary
        self.modules = modules
        self.sessions = sessions
        self.deliveries = deliveries
        self.location = location
    }

    /// Objectives defined at the top level and in every module.
    public var allObjectives: [Objective] { objectives + modules.flatMap(\.objectives) }
    /// Resources defined at the top level and in every module.
    public var allResources: [Resource] { resources + modules.flatMap(\.resources) }
    /// Case studies defined at the top level and in every module.
    public var allCaseStudies: [CaseStudy] { caseStudies + modules.flatMap(\.caseStudies) }

    /// The session with this ID.
    public func session(_ id: String) -> Session? { sessions.first { $0.id == id } }
    /// The module with this ID.
    public func module(_ id: String) -> Module? { modules.first { $0.id == id } }
}

/// Descriptive facts about a programme.
public struct ProgrammeMeta: Codable, Sendable, Equatable {
    public var subtitle: Label?
    public var code: String?
    public var summary: RichText?
    /// Who wrote the material, from which sources, and which bodies did not produce or endorse it; every pack shows
    /// it on its cover.
    public var provenance: RichText?
    public var owner: String?
    public var funders: [String]
    public var licence: String?
    public var keywords: [String]
    /// The languages translations are provided in (`<languages translations="fr de">`).
    public var translationLanguages: [String]
    public var dateFrom: String?
    public var dateTo: String?

    /// Creates meta data.
    public init(
        subtitle: Label? = nil, code: String? = nil, summary: RichText? = nil, provenance: RichText? = nil,
        owner: String? = nil,
        funders: [String] = [], licence: String? = nil, keywords: [String] = [], translationLanguages: [String] = [],
        dateFrom: String? = nil, dateTo: String? = nil
    ) {
        self.subtitle = subtitle
        self.code = code
        self.summary = summary
        self.provenance = provenance
        self.owner = owner
        self.funders = funders
        self.licence = licence
        self.keywords = keywords
        self.translationLanguages = translationLanguages
        self.dateFrom = dateFrom
        self.dateTo = dateTo
    }
}
