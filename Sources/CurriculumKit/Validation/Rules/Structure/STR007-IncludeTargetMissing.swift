/// STR007: Include target missing. Reported by the document reader and the include resolver.
enum IncludeTargetMissing: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR007", family: .structure, severity: .error, title: "Include target missing",
        explanation:
            "An <include> names a file that does not exist or cannot be read.",
        hint: "Check the href; it is relative to the file that contains the <include>.",
        phases: .loading,
        example: RuleExample(
            trigger: "<include href=\"modules/partner.xml\" expect=\"module\"/>   (the file is partners.xml)",
            fix: "<include href=\"modules/partners.xml\" expect=\"module\"/>"))
}
