/// STR003: Unexpected element. Reported by the schema check for an element unknown or out of place.
enum UnexpectedElement: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR003", family: .structure, severity: .error, title: "Unexpected element",
        explanation:
            "An element is unknown to the format or not allowed where it stands.",
        phases: .loading,
        example: RuleExample(
            trigger: "<activity …><titel>Partners</titel>",
            fix: "<activity …><title>Partners</title>"))
}
