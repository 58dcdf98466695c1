import CurriculumModel

/// What the language and safety rules read from a text, whether it is a label or rich text.
extension TextInventory.Content {
    /// Calls `body` with the language and revision of each translation, in document order, without copying them.
    func forEachTranslation(_ body: (_ language: String, _ revision: Int?) -> Void) {
        switch self {
        case .label(let label):
            for translation in label.translations { body(translation.language, translation.revision) }
        case .rich(let text): for translation in text.translations { body(translation.language, translation.revision) }
        }
    }

    /// How many translations the text has.
    var translationCount: Int {
        switch self {
        case .label(let label): label.translations.count
        case .rich(let text): text.translations.count
        }
    }

    /// The source text's revision.
    var revision: Int? {
        switch self {
        case .label(let label): label.revision
        case .rich(let text): text.revision
        }
    }

    /// Whether there is a translation into a language.
    func hasTranslation(_ language: String) -> Bool {
        switch self {
        case .label(let label): label.hasTranslation(language)
        case .rich(let text): text.hasTranslation(language)
        }
    }

    /// Whether the source text is empty.
    var isEmpty: Bool {
        switch self {
        case .label(let label): label.text.isEmpty
        case .rich(let text): text.blocks.isEmpty
        }
    }

    /// The source and every translation as plain text, one per line.
    var plainText: String {
        switch self {
        case .label(let label): ([label.text] + label.translations.map(\.text)).joined(separator: "\n")
        case .rich(let text):
            ([text.plainText] + text.translations.map { $0.blocks.map(\.plainText).joined(separator: "\n") }).joined(
                separator: "\n")
        }
    }
}
