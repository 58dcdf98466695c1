public import CurriculumModel

/// The diagnostics of one import, in the order they were found; the core sorts them for display.
public struct ImportReport: Sendable {
    /// Everything reported so far.
    public private(set) var diagnostics: [Diagnostic] = []

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
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    private mutating func add(
        _ severity: Severity, _ code: String, _ message: String, _ location: SourceLocation?, _ hint: String?
    ) {
        let diagnostic = Diagnostic(severity: severity, code: code, message: message, hint: hint, location: location)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
}
