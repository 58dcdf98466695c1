/// A handout, worksheet, form, video or link in the programme's resource registry.
public struct Resource: Codable, Sendable, Equatable {
    public var id: String
    /// `handout`, `worksheet`, `checklist`, `slides`, `form`, `map`, `reading`, `video`, `audio`, `image`, `link`
    /// or `other`.
    public var kind: String
    /// A file relative to the document that declares it, or a URL.
    public var href: String?
    /// The folder of the declaring document, relative to the curriculum root, so `href` can be resolved.
    public var baseDirectory: String?
    public var mediaType: String?
    public var audience: Visibility?
    public var isPrinted: Bool?
    public var copiesPer: String?
    public var copies: Int?
    public var licence: String?
    public var language: String?
    public var title: Label
    public var description: RichText?
    public var accessibility: Accessibility?
    public var location: SourceLocation?

    /// Creates a resource.
    public init(
        id: String, kind: String, href: String? = nil, baseDirectory: String? = nil, mediaType: String? = nil,
        audience: Visibility? = nil, isPrinted: Bool? = nil, copiesPer: String? = nil, copies: Int? = nil,
        licence: String? = nil, language: String? = nil, title: Label, description: RichText? = nil,
        accessibility: Accessibility? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.href = href
        self.baseDirectory = baseDirectory
        self.mediaType = mediaType
        self.audience = audience
        self.isPrinted = isPrinted
        self.copiesPer = copiesPer
        self.copies = copies
        self.licence = licence
        self.language = language
        self.title = title
        self.description = description
        self.accessibility = accessibility
        self.location = location
    }

    /// Who may see the resource; resources are for everyone unless marked otherwise.
    public var visibility: Visibility { audience ?? .all }

    /// Whether `href` is a URL (it starts with a scheme such as `https:`) rather than a file in the curriculum.
    /// A single letter before the colon is a Windows drive, not a scheme.
    public var isExternal: Bool {
        // On bytes: every rule and exporter asks, for every resource. A scheme is ASCII, so a byte that is not
        // ASCII ends the answer as the character-level test would.
        guard let href, let colon = href.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = href.utf8[..<colon]
        guard scheme.count > 1, let first = scheme.first, Self.isASCIILetter(first) else { return false }
        return scheme.allSatisfy {
            Self.isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// The file's path relative to the curriculum root, when `href` names a local file.
    public var rootRelativePath: String? {
        guard let href, !isExternal else { return nil }
        return PathArithmetic.join(baseDirectory ?? "", href)
    }
}

/// Accessibility facts about a resource.
public struct Accessibility: Codable, Sendable, Equatable {
    public var alt: String?
    public var hasCaptions: Bool?
    public var transcript: String?
    public var isTagged: Bool?

    /// Creates accessibility facts.
    public init(alt: String? = nil, hasCaptions: Bool? = nil, transcript: String? = nil, isTagged: Bool? = nil) {
        self.alt = alt
        self.hasCaptions = hasCaptions
        self.transcript = transcript
        self.isTagged = isTagged
    }
}
