/// STR001: Not a curriculum document. Reported by the document reader and the schema for a root that is not the format's.
enum NotACurriculumDocument: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR001", family: .structure, severity: .error, title: "Not a curriculum document",
        explanation:
            "The root element or its namespace is not one of the native format's: programme, module, session, case-study or delivery in urn:curriculumkit:curriculum:1.",
        hint: "Start the file with <programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" …>.",
        phases: .loading,
        example: RuleExample(
            trigger: "<programme format-version=\"1.0\" id=\"p\">",
            fix: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" id=\"p\">"))
}
