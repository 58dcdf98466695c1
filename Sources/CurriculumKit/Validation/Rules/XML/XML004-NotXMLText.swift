/// XML004: Not XML text. Reported by the file reader for compressed, archived or binary files.
enum NotXMLText: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML004", family: .xml, severity: .error, title: "Not XML text",
        explanation:
            "The file is compressed, an archive, or binary (it contains NUL bytes), so it is refused before parsing.",
        hint: "Give the uncompressed XML file.",
        phases: .loading,
        example: RuleExample(
            trigger: "programme.xml that is really programme.xml.gz, or a file saved as UTF-16 with NUL bytes",
            fix: "gunzip it, or save it again as UTF-8 text"))
}
