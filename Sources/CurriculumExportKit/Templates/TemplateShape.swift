/// The keys a template may use: the shape of the view model it is rendered with.
///
/// A view model is a `Decodable` struct; its shape is read from that conformance (``init(of:)``), so the keys a
/// template is checked against are exactly the struct's stored properties, and a misspelt `{{key}}` is reported
/// instead of rendering blank.
public indirect enum TemplateShape: Sendable, Equatable {
    /// Text, a number or a flag: a value with no keys of its own.
    case value
    /// Named fields, each with its own shape.
    case record([String: TemplateShape])
    /// A list: a section over it is repeated for each element, which has the given shape.
    case list(TemplateShape)

    /// The shape of a view-model type.
    ///
    /// - Throws: An error from the type's own `init(from:)` when it does more than decode its properties.
    public init<Model: Decodable>(of type: Model.Type) throws {
        self = try TemplateShapeReader.shape(of: type)
    }

    /// The fields of a record; empty for any other shape.
    public var fields: [String: TemplateShape] {
        if case .record(let fields) = self { return fields }
        return [:]
    }
}

/// A view-model field whose keys are only known at run time, such as the catalogue of page words a template reaches
/// as `{{t.key}}`: it says its own shape instead of having it read from its properties.
public protocol TemplateShaped {
    /// The keys a template may use under this value.
    static var templateShape: TemplateShape { get }
}
