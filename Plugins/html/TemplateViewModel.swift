import CurriculumExportKit
import Mustache

/// A template's context: a struct whose stored properties are exactly the keys its template may use.
///
/// Mustache reads the properties by name. An optional property without a value is ``Absent``: a section over it
/// renders nothing and, unlike a key that is not there, Mustache does not go on to look the name up in the
/// enclosing values, so an empty field of an activity never picks up a field of the page. Being `Decodable`, a view
/// model also gives its ``TemplateShape``, which the template key check holds every template to; being
/// `Encodable`, it is read once into a ``TemplateRecord`` for rendering.
protocol TemplateViewModel: MustacheParent, Codable, Sendable {}

extension TemplateViewModel {
    func child(named name: String) -> Any? {
        for child in Mirror(reflecting: self).children where child.label == name {
            let value = Mirror(reflecting: child.value)
            guard value.displayStyle == .optional else { return child.value }
            return value.children.first?.value ?? Absent()
        }
        return nil
    }
}

/// A value Mustache treats as missing: a section over it renders nothing, an inverted section renders, `{{x}}`
/// renders an empty string.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// The words of the page, as templates reach them: `{{t.key}}`. Its keys are those of the English catalogue,
/// which every other language falls back to.
struct TemplateStrings: MustacheParent, Codable, Sendable, TemplateShaped {
    let strings: [String: String]

    init(_ strings: [String: String]) { self.strings = strings }

    init(from decoder: any Decoder) throws {
        strings = try decoder.singleValueContainer().decode([String: String].self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(strings)
    }

    func child(named name: String) -> Any? { strings[name] }

    static var templateShape: TemplateShape {
        .record(Dictionary(uniqueKeysWithValues: StringCatalogue(language: "en").strings.keys.map { ($0, .value) }))
    }
}

/// A `{label, value}` fact of a definition list.
struct Fact: TemplateViewModel {
    let label: String
    let value: String

    /// The facts that have a value, in order.
    static func list(_ pairs: [(String, String?)]) -> [Fact] {
        pairs.compactMap { label, value in
            guard let value, !value.isEmpty else { return nil }
            return Fact(label: label, value: value)
        }
    }
}

/// A link in a table of contents or a list of references.
struct Link: TemplateViewModel {
    let anchor: String
    let title: String
}

/// A line of a list: an objective, a discussion question.
struct TextItem: TemplateViewModel {
    let text: String
}

/// A glossary entry with its anchor.
struct GlossaryItem: TemplateViewModel {
    let anchor: String
    let term: String
    let definitionHtml: String
}

extension Optional where Wrapped == String {
    /// The text, or `nil` when it is empty: a template shows nothing for either.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
