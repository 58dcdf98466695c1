/// One validation rule: everything about it in one definition. Each rule is a type in
/// `Validation/Rules/<Family>/<CODE>-<Name>.swift`, listed in ``RuleRegistry/all``.
public protocol Rule: Sendable {
    /// The rule's code, family, severity, texts and phases.
    static var descriptor: RuleDescriptor { get }
}

/// A rule checked on the loaded model. It reads the indexes ``ValidationContext`` builds once rather than walking
/// the model again, and reports each finding through its own definition.
public protocol ModelRule: Rule {
    /// Runs the check, reporting findings into the collector.
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector)
}
