/// STR002: Unsupported format version. Reported by the document reader for a format-version it does not read.
enum UnsupportedFormatVersion: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR002", family: .structure, severity: .error, title: "Unsupported format version",
        explanation:
            "The document declares a format-version this toolkit does not read. Minor versions of 1 are read; other major versions are not.",
        hint: "Set format-version=\"1.0\", or upgrade the toolkit.",
        phases: .loading,
        example: RuleExample(
            trigger: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"2.0\" …>",
            fix: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" …>"))
}
