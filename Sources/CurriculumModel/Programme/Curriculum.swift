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
    /// Who is responsible for the content, who funded it and under which licence it is shared: labels, so a pack
    /// in another language prints them translated (`<t xml:lang>` children).
    public var owner: Label?
    public var funders: [Label]
    public var licence: Label?
    /// Labels, so a cartridge in another language describes the programme with translated keywords.
    public var keywords: [Label]
    /// The languages translations are provided in (`<languages translations="fr de">`).
    public var translationLanguages: [String]
    public var dateFrom: String?
    public var dateTo: String?

    /// Creates meta data.
    public init(
        subtitle: Label? = nil, code: String? = nil, summary: RichText? = nil, provenance: RichText? = nil,
        owner: Label? = nil,
        funders: [Label] = [], licence: Label? = nil, keywords: [Label] = [], translationLanguages: [String] = [],
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

    private enum CodingKeys: String, CodingKey {
        case subtitle, code, summary, provenance, owner, ownerLabel, funders, funderLabels, licence, licenceLabel
        case keywords, keywordLabels, translationLanguages, dateFrom, dateTo
    }

    /// Decodes meta data whose owner, funders, licence and keywords are strings (model 1.0) or carry their labels beside
    /// them; lists written before they existed may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subtitle = try container.decodeIfPresent(Label.self, forKey: .subtitle)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        summary = try container.decodeIfPresent(RichText.self, forKey: .summary)
        provenance = try container.decodeIfPresent(RichText.self, forKey: .provenance)
        owner = try container.decodeCompatibleLabel(text: .owner, label: .ownerLabel)
        funders = try container.decodeCompatibleLabels(texts: .funders, labels: .funderLabels)
        licence = try container.decodeCompatibleLabel(text: .licence, label: .licenceLabel)
        keywords = try container.decodeCompatibleLabels(texts: .keywords, labels: .keywordLabels)
        translationLanguages = try container.decodeIfPresent([String].self, forKey: .translationLanguages) ?? []
        dateFrom = try container.decodeIfPresent(String.self, forKey: .dateFrom)
        dateTo = try container.decodeIfPresent(String.self, forKey: .dateTo)
    }

    /// Encodes the owner, funders, licence and keywords as strings, as model 1.0 readers expect, with a translated
    /// one's label beside it (`ownerLabel`, `funderLabels`, `licenceLabel`, `keywordLabels`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(subtitle, forKey: .subtitle)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(provenance, forKey: .provenance)
        try container.encodeCompatibly(owner, text: .owner, label: .ownerLabel)
        try container.encodeCompatibly(funders, texts: .funders, labels: .funderLabels)
        try container.encodeCompatibly(licence, text: .licence, label: .licenceLabel)
        try container.encodeCompatibly(keywords, texts: .keywords, labels: .keywordLabels)
        try container.encode(translationLanguages, forKey: .translationLanguages)
        try container.encodeIfPresent(dateFrom, forKey: .dateFrom)
        try container.encodeIfPresent(dateTo, forKey: .dateTo)
    }
}
