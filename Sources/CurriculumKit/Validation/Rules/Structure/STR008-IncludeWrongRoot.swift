/// STR008: Include target has the wrong root. Reported while the model is built and deliveries are loaded.
enum IncludeWrongRoot: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR008", family: .structure, severity: .error, title: "Include target has the wrong root",
        explanation:
            "The included file's root element is not what the <include expect=…> says.",
        hint: "Point the include at the right file, or correct expect.",
        phases: .loading,
        example: RuleExample(
            trigger: "<include href=\"sessions/s1.xml\" expect=\"module\"/>   (the file's root is <session>)",
            fix: "<include href=\"sessions/s1.xml\" expect=\"session\"/>"))
}
