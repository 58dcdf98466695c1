/// STR013: Document not part of any programme. Reported by the loader for a document no programme includes.
enum OrphanDocument: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR013", family: .structure, severity: .info, title: "Document not part of any programme",
        explanation:
            "A curriculum document in the folder is not included by any programme, so it is only checked against the schema.",
        hint: "Include it from a programme, or move it out of the folder.",
        phases: .loading,
        example: RuleExample(
            trigger: "modules/old-partners.xml in the folder, included by no programme",
            fix:
                "<modules><include href=\"modules/old-partners.xml\" expect=\"module\"/></modules>, or move the file out"
        ))
}
