public import CurriculumModel

/// The output formats of `curriculum validate`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github
}

/// What every renderer is given.
public struct RenderInput: Sendable {
    public var report: ValidationReport
    /// Diagnostics at or above this severity fail the run (`nil` for `--fail-on never`).
    public var failOn: Severity?
    /// Whether to colour text output.
    public var usesColor: Bool

    /// Creates an input.
    public init(report: ValidationReport, failOn: Severity?, usesColor: Bool = false) {
        self.report = report
        self.failOn = failOn
        self.usesColor = usesColor
    }

    /// Whether a diagnostic counts as a failure.
    public func fails(_ diagnostic: Diagnostic) -> Bool {
        guard let failOn else { return false }
        return diagnostic.severity >= failOn
    }
}

/// Renders a validation report in one output format.
public enum DiagnosticRenderer {
    /// Renders the report; the result ends with a newline.
    public static func render(_ input: RenderInput, as format: DiagnosticFormat) -> String {
        switch format {
        case .text: TextRenderer(input: input).render()
        case .json: JSONReportRenderer(input: input).render()
        case .sarif: SARIFRenderer(input: input).render()
        case .junit: JUnitRenderer(input: input).render()
        case .github: GitHubRenderer(input: input).render()
        }
    }
}
