/// Formatted text: paragraphs, lists and quotes made of a small fixed set of inline elements, with translations.
///
/// The set is deliberately small (no arbitrary HTML) so every output format can render all of it.
public struct RichText: Codable, Sendable, Equatable {
    /// The blocks in the source language.
    public var blocks: [Block]
    /// Translations, each a full set of blocks.
    public var translations: [BlockTranslation]
    /// Who may see this text; `nil` means the default for the element that holds it.
    public var audience: Visibility?
    /// The revision of the source text, when tracked.
    public var revision: Int?
    /// Where the text starts.
    public var location: SourceLocation?

    /// Creates rich text.
    public init(
        blocks: [Block], translations: [BlockTranslation] = [], audience: Visibility? = nil, revision: Int? = nil,
        location: SourceLocation? = nil
    ) {
        self.blocks = blocks
        self.translations = translations
        self.audience = audience
        self.revision = revision
        self.location = location
    }

    /// One paragraph of plain text.
    public static func paragraph(_ text: String) -> RichText {
        RichText(blocks: [.paragraph([.text(text)])])
    }

    /// The blocks in a language, falling back to the source.
    public func blocks(in language: String?) -> [Block] {
        guard let language else { return blocks }
        return translations.first { $0.language == language }?.blocks ?? blocks
    }

    /// Whether a translation for this language exists.
    public func hasTranslation(_ language: String) -> Bool {
        translations.contains { $0.language == language }
    }

    /// The source text without formatting, blocks separated by blank lines.
    public var plainText: String {
        blocks.map(\.plainText).joined(separator: "\n\n")
    }
}

/// A translation of a ``RichText``.
public struct BlockTranslation: Codable, Sendable, Equatable {
    /// The BCP 47 tag.
    public var language: String
    /// The translated blocks.
    public var blocks: [Block]
    /// The source revision this translation was made from.
    public var revision: Int?

    /// Creates a translation.
    public init(language: String, blocks: [Block], revision: Int? = nil) {
        self.language = language
        self.blocks = blocks
        self.revision = revision
    }
}

/// A block of rich text.
public struct Block: Codable, Sendable, Equatable {
    /// The kinds of block.
    public enum Kind: String, Codable, Sendable {
        case paragraph, bullets, numbers, quote
    }

    /// What kind of block this is.
    public var kind: Kind
    /// The content of a paragraph or quote.
    public var inlines: [Inline]
    /// The items of a list, each a run of inlines.
    public var items: [[Inline]]

    /// Creates a block.
    public init(kind: Kind, inlines: [Inline] = [], items: [[Inline]] = []) {
        self.kind = kind
        self.inlines = inlines
        self.items = items
    }

    /// A paragraph.
    public static func paragraph(_ inlines: [Inline]) -> Block { Block(kind: .paragraph, inlines: inlines) }

    /// The text without formatting; list items on their own lines.
    public var plainText: String {
        switch kind {
        case .paragraph, .quote: inlines.plainText
        case .bullets, .numbers: items.map(\.plainText).joined(separator: "\n")
        }
    }
}

/// A run of inline content: text, emphasis, strong text, a link or a glossary term.
public struct Inline: Codable, Sendable, Equatable {
    /// The kinds of inline content.
    public enum Kind: String, Codable, Sendable {
        case text, emphasis, strong, link, term
    }

    /// What kind of inline this is.
    public var kind: Kind
    /// The text of a `.text` inline.
    public var text: String?
    /// The target of a link.
    public var href: String?
    /// The glossary entry of a term.
    public var ref: String?
    /// The content of emphasis, strong, link and term.
    public var children: [Inline]?

    /// Creates an inline.
    public init(kind: Kind, text: String? = nil, href: String? = nil, ref: String? = nil, children: [Inline]? = nil) {
        self.kind = kind
        self.text = text
        self.href = href
        self.ref = ref
        self.children = children
    }

    /// Plain text.
    public static func text(_ text: String) -> Inline { Inline(kind: .text, text: text) }

    /// The text without formatting.
    public var plainText: String {
        text ?? (children ?? []).plainText
    }
}

extension Array where Element == Inline {
    /// The concatenated text without formatting.
    public var plainText: String { map(\.plainText).joined() }
}
