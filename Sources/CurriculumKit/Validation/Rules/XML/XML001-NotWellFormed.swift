/// XML001: XML is not well-formed. Reported by the hardened parser when a file does not parse.
enum NotWellFormed: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML001", family: .xml, severity: .error, title: "XML is not well-formed",
        explanation:
            "The file is not well-formed XML (a tag mismatch, a second root, an undeclared prefix, bad encoding…). Nothing else in it can be checked until it parses.",
        hint: "Fix the syntax at the position shown; an XML-aware editor highlights it.",
        phases: .loading,
        example: RuleExample(
            trigger: "<title>Partners</titel>",
            fix: "<title>Partners</title>"))
}
