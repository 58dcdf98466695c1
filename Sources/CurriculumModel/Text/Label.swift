/// A short text (a title, an objective, a question) with its translations.
public struct Label: Codable, Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text in the document's source language.
    public var text: String
    /// Translations of the text, one per language.
    public var translations: [Translation]
    /// The revision of the source text, when the author tracks it for stale-translation checks.
    public var revision: Int?

    /// Creates a label.
    public init(_ text: String, translations: [Translation] = [], revision: Int? = nil) {
        self.text = text
        self.translations = translations
        self.revision = revision
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text in a language, falling back to the source text.
    public func text(in language: String?) -> String {
        guard let language else { return text }
        return translations.first { $0.language == language }?.text ?? text
    }

    /// Whether a translation for this language exists.
    public func hasTranslation(_ language: String) -> Bool {
        translations.contains { $0.language == language }
    }
}

/// One translation of a ``Label``.
public struct Translation: Codable, Sendable, Equatable {
    /// The BCP 47 tag of the translation.
    public var language: String
    /// The translated text.
    public var text: String
    /// The source revision this translation was made from.
    public var revision: Int?

    /// Creates a translation.
    public init(language: String, text: String, revision: Int? = nil) {
        self.language = language
        self.text = text
        self.revision = revision
    }
}
