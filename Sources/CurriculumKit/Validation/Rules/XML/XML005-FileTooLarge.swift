/// XML005: File too large. Reported by the file reader for a file above the size limit.
enum FileTooLarge: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML005", family: .xml, severity: .error, title: "File too large",
        explanation:
            "The file is larger than the size limit for one curriculum document.",
        hint: "Split the curriculum into several files with <include>.",
        phases: .loading,
        example: RuleExample(
            trigger: "one programme file of 40 MiB with every module written inline",
            fix: "<modules><include href=\"modules/partners.xml\" expect=\"module\"/>…</modules>"))
}
