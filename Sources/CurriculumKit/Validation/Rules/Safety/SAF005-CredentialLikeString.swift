import CurriculumModel

/// SAF005: Credential-like string. Looks for secrets in every text the shared byte screen let through.
enum CredentialLikeString: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF005", family: .safety, severity: .error, title: "Credential-like string",
        explanation:
            "Text looks like a password, access key or private key. Curricula are shared widely; secrets must not be in them.",
        hint: "Remove the secret and rotate it.",
        example: RuleExample(
            trigger: "<p>Log in with password: Summer2027!</p>",
            fix: "<p>Log in with the password the organiser sends you.</p>   (and change the password)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where facts.mayHoldSensitiveText {
            if let secret = SensitiveTextDetector.first(.secret, in: entry.content.plainText) {
                report.report(
                    Self.self, "the \(entry.role) contains something that looks like \(secret)", at: entry.location)
            }
        }
    }
}
