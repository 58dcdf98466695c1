public import CurriculumModel

/// What one rule is: its code, family, default severity, a title, why it matters, how to fix a finding, and
/// when it is reported. Each rule's definition (a type conforming to ``Rule``) holds one.
public struct RuleDescriptor: Sendable, Equatable, Encodable {
    /// The stable code diagnostics carry.
    public var code: RuleCode
    /// The family the code's prefix names.
    public var family: RuleFamily
    /// The severity findings get unless the configuration or `--ignore` changes it.
    public var severity: Severity
    /// A short title, used as the SARIF rule name and in `curriculum rules`.
    public var title: String
    /// Why the rule exists, in a sentence or two.
    public var explanation: String
    /// How to fix a finding, when one general hint fits.
    public var hint: String?
    /// When findings are made: while files are read, on the loaded model, or both.
    public var phases: RulePhases
    /// A short piece of a curriculum that triggers the rule and the same piece fixed, shown by `curriculum explain`
    /// and in `docs/rules.md`.
    public var example: RuleExample?
    /// Whether one finding per file and line is enough. Set for rules that two phases can report at the same
    /// place in different words (the schema and the model check both see a bad duration); the first finding in
    /// report order is kept.
    public var oncePerLine: Bool

    /// Creates a descriptor.
    public init(
        code: RuleCode, family: RuleFamily, severity: Severity, title: String, explanation: String,
        hint: String? = nil, phases: RulePhases = .model, oncePerLine: Bool = false, example: RuleExample? = nil
    ) {
        self.code = code
        self.family = family
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.hint = hint
        self.phases = phases
        self.oncePerLine = oncePerLine
        self.example = example
    }

    /// `curriculum rules --format json` shows what users configure; the phases and the dedupe are internal.
    private enum CodingKeys: String, CodingKey {
        case code, family, severity, title, explanation, hint
    }
}

/// What triggers a rule, shown as it looks in a curriculum, and the same piece fixed.
public struct RuleExample: Sendable, Equatable {
    /// XML (or a description in words, for rules about whole files or folders) that triggers the rule.
    public var trigger: String
    /// The same piece, fixed.
    public var fix: String

    /// Creates an example.
    public init(trigger: String, fix: String) {
        self.trigger = trigger
        self.fix = fix
    }
}

/// When a rule's findings are made.
public struct RulePhases: OptionSet, Sendable, Hashable {
    /// The phases as bits.
    public let rawValue: Int

    /// Creates phases from their bits.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Reported by the loader while it reads files: the hardened parser, the schema, includes and the building of
    /// the model. Such rules have no check of their own; the loader reports through their definition.
    public static let loading = RulePhases(rawValue: 1)
    /// Checked on the loaded model by the rule's own ``ModelRule/check(_:into:)``.
    public static let model = RulePhases(rawValue: 2)

    /// How documentation names the phases.
    public var summary: String {
        switch (contains(.loading), contains(.model)) {
        case (true, true): "while files are read, and on the loaded model"
        case (true, false): "while files are read (parser, schema, includes)"
        default: "on the loaded model"
        }
    }
}
