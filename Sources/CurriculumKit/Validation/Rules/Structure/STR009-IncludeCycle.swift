/// STR009: Include cycle. Reported by the include resolver.
enum IncludeCycle: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR009", family: .structure, severity: .error, title: "Include cycle",
        explanation:
            "Files include each other in a loop.",
        hint: "Remove one of the includes in the cycle.",
        phases: .loading,
        example: RuleExample(
            trigger: "a.xml includes b.xml, and b.xml includes a.xml",
            fix: "keep one of the two includes"))
}
