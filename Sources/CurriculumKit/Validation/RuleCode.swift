/// A rule's stable code, such as `TIM001`. Codes are public API: they never change meaning and are never reused.
///
/// The codes are not listed here: each rule's definition declares its own (see ``Rule``), and ``RuleRegistry``
/// lists the rules.
public struct RuleCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code as written in diagnostics: three capital letters and three digits.
    public let rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a code from a literal in a rule's definition.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes a code from a JSON string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Codes sort as their text: `ACC001` before `EXP001` before `XML006`.
    public static func < (lhs: RuleCode, rhs: RuleCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code's text.
    public var description: String { rawValue }
}
