/// XML002: Forbidden DTD or entity declaration. Reported by the hardened parser for a DOCTYPE internal subset or an entity declaration.
enum ForbiddenDeclaration: Rule {
    static let descriptor = RuleDescriptor(
        code: "XML002", family: .xml, severity: .error, title: "Forbidden DTD or entity declaration",
        explanation:
            "DOCTYPE internal subsets and entity declarations are refused: they enable billion-laughs and quadratic-blowup attacks and are never needed in a curriculum.",
        hint: "Remove the <!DOCTYPE …> and any <!ENTITY …>; write the text out instead.",
        phases: .loading,
        example: RuleExample(
            trigger: "<!DOCTYPE programme [ <!ENTITY org \"Example City\"> ]>",
            fix: "(no DOCTYPE; write Example City where &org; stood)"))
}
