public import CurriculumModel

/// The diagnostics of one import, in the order they were found; the core sorts them for display.
public struct ImportReport: Sendable {
    /// Everything reported so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The diagnostics recorded so far, as keys: a course reports one finding per unit, and looking each new one
    /// up in the list made large imports quadratic.
    private var seen: Set<Key> = []

    /// Creates an empty report.
    public init() {}

    /// Whether anything of severity error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reports a problem that makes the import unusable: the core writes nothing.
    public mutating func error(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        add(.error, code, message, location, hint)
    }

    /// Reports something that was imported differently from the source, or left out.
    public mutating func warning(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        add(.warning, code, message, location, hint)
    }

    /// Reports a fact worth knowing that needs no action (severity `info`, shown as a note).
    public mutating func note(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        add(.info, code, message, location, hint)
    }

    /// Records a diagnostic as it is (once).
    public mutating func record(_ diagnostic: Diagnostic) {
        if seen.insert(Self.key(diagnostic)).inserted { diagnostics.append(diagnostic) }
    }

    /// What makes two findings the same one.
    private struct Key: Hashable {
        var severity: String
        var code: String
        var message: String
        var hint: String?
        var location: SourceLocation?
        var source: String?
    }

    private static func key(_ diagnostic: Diagnostic) -> Key {
        Key(
            severity: diagnostic.severity.rawValue, code: diagnostic.code, message: diagnostic.message,
            hint: diagnostic.hint, location: diagnostic.location, source: diagnostic.source)
    }

    private mutating func add(
        _ severity: Severity, _ code: String, _ message: String, _ location: SourceLocation?, _ hint: String?
    ) {
        record(Diagnostic(severity: severity, code: code, message: message, hint: hint, location: location))
    }
}
