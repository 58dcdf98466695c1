/// One finding about a curriculum: a stable code, a severity, a one-sentence message, an optional fix hint and
/// the file, line and column it is about. Core rules, the loader and plugins all report through this type.
public struct Diagnostic: Codable, Sendable, Equatable {
    public var severity: Severity
    /// A stable rule code such as `TIM001`; see `curriculum rules`.
    public var code: String
    public var message: String
    public var hint: String?
    public var location: SourceLocation?
    /// Who reported it: `curriculum` for the core, otherwise the plugin's name.
    public var source: String?

    /// Creates a diagnostic.
    public init(
        severity: Severity, code: String, message: String, hint: String? = nil, location: SourceLocation? = nil,
        source: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.source = source
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line, column, then code, so every run prints them in the same order.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        if left != right { return left < right }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}
