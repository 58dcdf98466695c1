/// XML003: External resource refused. Reported by the hardened parser when a document reaches for another file or the network.
enum ExternalResourceRefused: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML003", family: .xml, severity: .error, title: "External resource refused",
        explanation:
            "The document tried to load another file or a network resource (external entity, external DTD, XInclude). Curricula are read without any such access.",
        hint: "Use <include href=\"…\" expect=\"…\"/> to split a curriculum into files.",
        phases: .loading,
        example: RuleExample(
            trigger: "<xi:include href=\"modules/partners.xml\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"/>",
            fix: "<include href=\"modules/partners.xml\" expect=\"module\"/>"))
}
