/// STR010: Include escapes the curriculum root. Reported by the include resolver.
enum IncludeEscapesRoot: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR010", family: .structure, severity: .error, title: "Include escapes the curriculum root",
        explanation:
            "An <include> points outside the curriculum root (the nearest folder with a curriculum.json, or the programme's folder) or through a symbolic link that leaves it.",
        hint: "Move the shared file under the curriculum root, or add a curriculum.json to a common parent folder.",
        phases: .loading,
        example: RuleExample(
            trigger: "<include href=\"../../shared/partners.xml\" expect=\"module\"/>",
            fix: "move shared/ under the curriculum root, or put a curriculum.json in a folder above both"))
}
