/// REF011: Activity not in module. Reported while the model is built, when a <use> names an activity its module lacks.
enum ActivityNotInModule: Rule {
    static let descriptor = RuleDescriptor(
        code: "REF011", family: .references, severity: .error, title: "Activity not in module",
        explanation:
            "A <use module=… activity=…> names an activity that the module does not have.",
        phases: .loading,
        example: RuleExample(
            trigger: "<use module=\"m-partners\" activity=\"a-mapping\"/>   (the activity is a-map)",
            fix: "<use module=\"m-partners\" activity=\"a-map\"/>"))
}
