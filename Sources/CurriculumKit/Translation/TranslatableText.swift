public import CurriculumModel

/// One text of a curriculum that can carry `<t xml:lang>` translations: a label (a title, a question…) or rich
/// text (a summary, instructions…), found in the source files as they are.
public struct TranslatableText: Sendable, Equatable {
    /// How the text is written in an exchange file, and so how a translation is written back.
    public enum Form: String, Sendable {
        /// A label of plain text: translated as plain text.
        case text
        /// Rich text of one plain paragraph: translated as plain text, written back inside `<p>`.
        case paragraph
        /// Anything with markup (inline elements, several paragraphs, lists): translated as the format's markup.
        case markup
    }

    /// Who reads the text: what goes to participants, or only to facilitators and organisers.
    public enum Readers: String, Sendable {
        case participant, facilitator
    }

    /// One existing translation.
    public struct Translation: Sendable, Equatable {
        /// The translation in the text's ``Form``.
        public var content: String
        public var rev: Int?
    }

    /// The file, relative to the curriculum root.
    public var file: String
    /// Stable within the programme: the nearest enclosing ID and the element path below it (`a-map/title`).
    public var id: String
    /// The element's name (`title`, `participant-instructions`).
    public var element: String
    public var form: Form
    public var readers: Readers
    /// The source text in its ``Form``, whitespace collapsed.
    public var source: String
    public var rev: Int?
    /// Language → the translation there is.
    public var translations: [String: Translation]
    /// Where the element's start tag begins.
    public var location: SourceLocation

    /// A short digest of the source text: a translation made from another source is found by comparing it.
    public var fingerprint: String { Self.fingerprint(of: source) }

    /// The first 16 hex digits of the SHA-256 of a text.
    public static func fingerprint(of text: String) -> String {
        String(TextDigest.sha256Hex(text).prefix(16))
    }

    /// Whether a language's translation exists and is not older than the source (`rev=`).
    public func status(in language: String) -> TranslationState {
        guard let translation = translations[language] else { return .missing }
        if let rev, (translation.rev ?? 0) < rev { return .stale }
        return .translated
    }
}

/// How far one text is translated into one language.
public enum TranslationState: String, Sendable {
    case translated, stale, missing
}
