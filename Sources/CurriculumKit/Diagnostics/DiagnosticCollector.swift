public import CurriculumModel

/// Collects the diagnostics of one validation run, taking each rule's severity from its definition and the
/// user's configuration.
public struct DiagnosticCollector: Sendable {
    /// The policy that decides each code's severity, or drops it.
    public var policy: SeverityPolicy
    /// The diagnostics collected so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a collector.
    public init(policy: SeverityPolicy = SeverityPolicy()) {
        self.policy = policy
    }

    /// Reports a finding of a rule, through the rule's definition.
    ///
    /// - Parameters:
    ///   - rule: The rule; its descriptor gives the code, the default severity and the general hint.
    ///   - message: One sentence naming the offending value.
    ///   - location: Where it is.
    ///   - hint: How to fix it, when the rule's general hint is not specific enough.
    public mutating func report(
        _ rule: any Rule.Type, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) {
        let descriptor = rule.descriptor
        guard let severity = policy.severity(for: descriptor.code.rawValue, default: descriptor.severity) else {
            return
        }
        diagnostics.append(
            Diagnostic(
                severity: severity, code: descriptor.code.rawValue, message: message, hint: hint ?? descriptor.hint,
                location: location, source: ToolVersion.name))
    }

    /// Adds a diagnostic from elsewhere (a plugin), applying the same severity policy.
    public mutating func add(_ diagnostic: Diagnostic) {
        guard let severity = policy.severity(for: diagnostic.code, default: diagnostic.severity) else { return }
        var adjusted = diagnostic
        adjusted.severity = severity
        diagnostics.append(adjusted)
    }

    /// Adds many diagnostics.
    public mutating func add(contentsOf other: [Diagnostic]) {
        for diagnostic in other { add(diagnostic) }
    }
}

/// Per-code severity overrides and ignores, from `--ignore` and the configuration file.
public struct SeverityPolicy: Sendable, Hashable {
    /// Codes to drop.
    public var ignored: Set<String>
    /// Codes whose severity is changed.
    public var overrides: [String: Severity]

    /// Creates a policy.
    public init(ignored: Set<String> = [], overrides: [String: Severity] = [:]) {
        self.ignored = ignored
        self.overrides = overrides
    }

    /// The severity for a code, or `nil` when it is ignored.
    public func severity(for code: String, default severity: Severity) -> Severity? {
        if ignored.contains(code) { return nil }
        return overrides[code] ?? severity
    }
}
