import Foundation

/// Finds personal data and secrets in text. It owns its patterns and the byte pre-filter built from them, so a
/// pattern cannot be added without the pre-filter letting its texts through.
enum SensitiveTextDetector {
    /// Every pattern, in the order they are tried within a category.
    static let patterns: [SensitivePattern] = [
        SensitivePattern(
            category: .personalData, name: "the e-mail address", quotesMatch: true,
            expression: try? NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#),
            triggers: [.byte(UInt8(ascii: "@"))], example: "Write to jane.doe@city.example.eu"),
        SensitivePattern(
            category: .personalData, name: "the telephone number", quotesMatch: true,
            expression: try? NSRegularExpression(
                pattern: #"(?<![\w/.-])\+?\(?\d{1,4}\)?(?:[ .-]?\d{1,4}){3,6}(?![\w/.-])"#),
            triggers: [.digits(9)], accepts: { $0.filter(\.isNumber).count >= 9 && !looksLikeYears($0) },
            example: "Call +32 2 123 45 67 after the session"),
        SensitivePattern(
            category: .secret, name: "a password",
            expression: try? NSRegularExpression(pattern: #"(?i)\b(password|passwd|pwd|mot de passe)\s*[:=]\s*\S{4,}"#),
            triggers: [.keywordAndSeparator(["pass", "pwd", "mot de passe"])], example: "wifi password: Sunshine2027"),
        SensitivePattern(
            category: .secret, name: "an API key or token",
            expression: try? NSRegularExpression(
                pattern: #"(?i)\b(api[_-]?key|secret|token|access[_-]?key)\s*[:=]\s*[A-Za-z0-9_\-]{12,}"#),
            triggers: [.keywordAndSeparator(["key", "secret", "token"])], example: "API_Key=0123456789abcdef"),
        SensitivePattern(
            category: .secret, name: "an AWS access key",
            expression: try? NSRegularExpression(pattern: #"\bAKIA[0-9A-Z]{16}\b"#), triggers: [.marker("AKIA")],
            example: "the key AKIAIOSFODNN7EXAMPLE is ours"),
        SensitivePattern(
            category: .secret, name: "a private key",
            expression: try? NSRegularExpression(pattern: #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#),
            triggers: [.marker("-----BEGIN")], example: "-----BEGIN RSA PRIVATE KEY-----"),
        SensitivePattern(
            category: .secret, name: "a GitHub token",
            expression: try? NSRegularExpression(pattern: #"\bgh[pousr]_[A-Za-z0-9]{36,}\b"#),
            triggers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].map { .marker($0) },
            example: "token ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
    ]

    /// The byte pre-filter for every pattern, used by ``TextScreen`` while the text facts are gathered.
    static let screen = ScreenTables(patterns.flatMap(\.triggers))

    /// The description of the first pattern of a category found in a text, or `nil`.
    static func first(_ category: SensitivePattern.Category, in text: String) -> String? {
        var present: Set<Int>? = nil
        for pattern in patterns where pattern.category == category {
            // Each pattern's own triggers are checked on the text before its expression runs.
            let triggers = present ?? screen.triggersPresent(in: text)
            present = triggers
            guard pattern.triggers.contains(where: { triggers.contains(screen.index(of: $0)) }) else { continue }
            if let found = pattern.match(in: text) { return found }
        }
        return nil
    }

    private static func looksLikeYears(_ text: Substring) -> Bool {
        let groups = text.split(whereSeparator: { !$0.isNumber })
        return groups.allSatisfy { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
    }
}
