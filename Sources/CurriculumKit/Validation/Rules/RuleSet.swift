/// A group of related checks over the loaded model.
protocol RuleSet: Sendable {
    /// Runs the checks, reporting findings into the collector.
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector)
}

/// The rule sets, in the order validation runs them.
enum RuleSets {
    static let all: [any RuleSet.Type] = [
        StructureRules.self, ReferenceRules.self, TimingRules.self, PedagogyRules.self, AccessibilityRules.self,
        LanguageRules.self, SafetyRules.self, ExportRules.self, HeadCountRules.self,
    ]
}
