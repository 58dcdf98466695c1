import Mustache

/// A value Mustache treats as missing: a section over it renders nothing, an inverted section renders, `{{x}}`
/// renders an empty string. Unlike a key that is simply left out, it stops Mustache from looking the name up in
/// the enclosing contexts, so an empty field of an activity never picks up a field of the page.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// The context of one template: a dictionary whose values are strings, numbers, booleans, arrays of contexts or
/// ``Absent``.
typealias TemplateContext = [String: Any]

/// Helpers to fill contexts without empty strings.
enum Value {
    /// The text, or ``Absent`` when there is none.
    static func text(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return Absent() }
        return value
    }

    /// A list of `{label, value}` facts, leaving out facts without a value.
    static func facts(_ pairs: [(String, String?)]) -> [TemplateContext] {
        pairs.compactMap { label, value in
            guard let value, !value.isEmpty else { return nil }
            return ["label": label, "value": value]
        }
    }
}
