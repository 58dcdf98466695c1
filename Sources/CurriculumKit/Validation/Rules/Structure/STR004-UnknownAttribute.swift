/// STR004: Unknown attribute. Reported by the schema check for an attribute the format does not have.
enum UnknownAttribute: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR004", family: .structure, severity: .error, title: "Unknown attribute",
        explanation:
            "An attribute is not part of the format on this element; a misspelt attribute would otherwise be ignored silently.",
        phases: .loading,
        example: RuleExample(
            trigger: "<activity id=\"a-map\" kind=\"group-work\" durration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"))
}
