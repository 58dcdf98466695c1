/// STR006: Invalid value. Reported by the schema check for a value of the wrong form.
enum InvalidValue: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR006", family: .structure, severity: .error, title: "Invalid value",
        explanation:
            "An attribute or element value is not one of the allowed values or does not have the required form.",
        phases: .loading,
        example: RuleExample(
            trigger: "<activity id=\"a-map\" kind=\"groupwork\" duration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"))
}
