/// A structured case study: context, approach, impact and lessons, with its sources and safety facts.
public struct CaseStudy: Codable, Sendable, Equatable {
    public var id: String
    public var country: String?
    public var city: String?
    public var year: String?
    /// `low`, `medium` or `high`.
    public var sensitivity: String?
    /// `yes`, `no` or `not-applicable`.
    public var anonymised: String?
    /// `obtained`, `public-source`, `not-required` or `pending`.
    public var consent: String?
    public var audience: Visibility?
    public var language: String?
    public var title: Label
    public var summary: RichText?
    public var contentWarning: RichText?
    public var context: RichText?
    public var approach: RichText?
    public var impact: RichText?
    public var lessons: RichText?
    public var discussion: [Label]
    public var facilitatorNotes: RichText?
    public var sources: [CaseSource]
    public var location: SourceLocation?

    /// Creates a case study.
    public init(
        id: String, country: String? = nil, city: String? = nil, year: String? = nil, sensitivity: String? = nil,
        anonymised: String? = nil, consent: String? = nil, audience: Visibility? = nil, language: String? = nil,
        title: Label, summary: RichText? = nil, contentWarning: RichText? = nil, context: RichText? = nil,
        approach: RichText? = nil, impact: RichText? = nil, lessons: RichText? = nil, discussion: [Label] = [],
        facilitatorNotes: RichText? = nil, sources: [CaseSource] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.country = country
        self.city = city
        self.year = year
        self.sensitivity = sensitivity
        self.anonymised = anonymised
        self.consent = consent
        self.audience = audience
        self.language = language
        self.title = title
        self.summary = summary
        self.contentWarning = contentWarning
        self.context = context
        self.approach = approach
        self.impact = impact
        self.lessons = lessons
        self.discussion = discussion
        self.facilitatorNotes = facilitatorNotes
        self.sources = sources
        self.location = location
    }

    /// Who may see the case study; everyone unless marked otherwise.
    public var visibility: Visibility { audience ?? .all }
}

/// A source a case study is drawn from.
public struct CaseSource: Codable, Sendable, Equatable {
    public var href: String?
    public var date: String?
    /// The citation; a label, so its descriptive words can be translated (a cited title stays as published).
    public var text: Label

    /// Creates a source.
    public init(href: String? = nil, date: String? = nil, text: Label) {
        self.href = href
        self.date = date
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case href, date, text, textLabel
    }

    /// Decodes a source whose citation is a string (model 1.0) or carries its label beside it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        href = try container.decodeIfPresent(String.self, forKey: .href)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        // The citation is required: without a label twin, the string must be there.
        text =
            try container.decodeIfPresent(Label.self, forKey: .textLabel)
            ?? Label(container.decode(String.self, forKey: .text))
    }

    /// Encodes the citation as a string, as model 1.0 readers expect, with a translated one's label beside it
    /// (`textLabel`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(href, forKey: .href)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeCompatibly(text, text: .text, label: .textLabel)
    }
}

/// A glossary entry, referenced from rich text with `<term ref="…">`.
public struct GlossaryEntry: Codable, Sendable, Equatable {
    public var id: String
    public var term: Label
    public var definition: RichText
    public var location: SourceLocation?

    /// Creates an entry.
    public init(id: String, term: Label, definition: RichText, location: SourceLocation? = nil) {
        self.id = id
        self.term = term
        self.definition = definition
        self.location = location
    }
}
