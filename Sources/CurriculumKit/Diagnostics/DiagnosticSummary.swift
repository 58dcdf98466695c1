public import CurriculumModel

/// Counts of diagnostics by severity, and the files they were about.
public struct DiagnosticSummary: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var files = 0

    /// Counts a list of diagnostics.
    public init(_ diagnostics: [Diagnostic], files: Int) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        self.files = files
    }

    /// `3 errors, 1 warning, 0 info in 12 files`: each severity is named by the word `--fail-on` and
    /// `curriculum rules` use for it ("info" stays the same in the plural, as a mass noun).
    public var sentence: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return
            "\(plural(errors, "error")), \(plural(warnings, "warning")), \(infos) info in \(plural(files, "file"))"
    }
}
