/// XML004: Not XML text. Reported by the file reader for compressed, archived or binary files.
enum NotXMLText: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML004", family: .xml, severity: .error, title: "Not XML text",
        explanation:
            "The file is compressed, an archive, or binary (it contains NUL bytes), so it is refused before parsing.",
        hint: "Give the uncompressed XML file.",
        phases: .loading)
}
