import CurriculumModel
import Foundation

/// Checks consent and anonymisation of case studies, guidance for sensitive material, personal data and secrets.
enum SafetyRules: RuleSet {
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for study in context.allCaseStudies {
            if study.anonymised == nil {
                report.report(
                    .saf001, "case study \"\(study.id)\" does not say whether it is anonymised", at: study.location)
            }
            if study.consent == nil {
                report.report(
                    .saf002, "case study \"\(study.id)\" does not say on what basis it is told (consent=)",
                    at: study.location)
            }
            if study.sensitivity == "high" && (study.contentWarning == nil || study.facilitatorNotes == nil) {
                let missing = [
                    study.contentWarning == nil ? "a content warning" : nil,
                    study.facilitatorNotes == nil ? "facilitator notes" : nil,
                ]
                .compactMap { $0 }.joined(separator: " and ")
                report.report(
                    .saf003, "high-sensitivity case study \"\(study.id)\" has no \(missing)", at: study.location)
            }
            if study.visibility.isVisibleToParticipants
                && (study.consent == "pending"
                    || (study.anonymised == "no" && study.consent != "obtained" && study.consent != "public-source"))
            {
                report.report(
                    .saf006,
                    "case study \"\(study.id)\" is shown to participants but its consent is \(study.consent ?? "undeclared") and it is not anonymised",
                    at: study.location)
            }
        }
        for activity in context.allActivities where activity.sensitivity == "high" && activity.sensitivityNote == nil {
            report.report(
                .saf003, "high-sensitivity activity \"\(activity.id)\" has no sensitivity note for the facilitator",
                at: activity.location)
        }
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where facts.mayHoldPersonalDataOrSecrets {
            let text = plainText(entry.content)
            if entry.isParticipantFacing, let found = PersonalData.first(in: text) {
                report.report(.saf004, "the \(entry.role) contains \(found)", at: entry.location)
            }
            if let secret = Secrets.first(in: text) {
                report.report(
                    .saf005, "the \(entry.role) contains something that looks like \(secret)", at: entry.location)
            }
        }
    }

    static func plainText(_ content: TextInventory.Content) -> String {
        switch content {
        case .label(let label): ([label.text] + label.translations.map(\.text)).joined(separator: "\n")
        case .rich(let text):
            ([text.plainText] + text.translations.map { $0.blocks.map(\.plainText).joined(separator: "\n") }).joined(
                separator: "\n")
        }
    }
}

/// Finds e-mail addresses and telephone numbers.
enum PersonalData {
    private static let email = try? NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    private static let phone = try? NSRegularExpression(
        pattern: #"(?<![\w/.-])\+?\(?\d{1,4}\)?(?:[ .-]?\d{1,4}){3,6}(?![\w/.-])"#)

    static func first(in text: String) -> String? {
        // The regular expressions are costly; most texts contain neither an @ nor nine digits.
        var hasAt = false
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { hasAt = true } else if byte >= 0x30 && byte <= 0x39 { digits += 1 }
        }
        guard hasAt || digits >= 9 else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        if hasAt, let match = email?.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            return "the e-mail address \"\(text[found])\""
        }
        if let match = phone?.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            let digits = text[found].filter(\.isNumber)
            if digits.count >= 9 && !looksLikeYears(String(text[found])) {
                return "the telephone number \"\(text[found])\""
            }
        }
        return nil
    }

    private static func looksLikeYears(_ text: String) -> Bool {
        let groups = text.split(whereSeparator: { !$0.isNumber })
        return groups.allSatisfy { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
    }
}

/// Finds strings that look like passwords, keys or tokens.
enum Secrets {
    private static let keywords = ["pass", "pwd", "mot de passe", "key", "secret", "token"].map { Array($0.utf8) }
    private static let markers = ["AKIA", "-----BEGIN", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"]

    /// A fast C-level screen: every pattern needs a keyword followed by ':' or '=', or one of a few fixed markers.
    /// Foundation's regular expressions are far slower, and almost no text passes this screen.
    static func mayContainSecret(_ text: String) -> Bool {
        let hasMarker = text.withCString { pointer in markers.contains { strstr(pointer, $0) != nil } }
        if hasMarker { return true }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }) else { return false }
        return hasKeyword(text)
    }

    /// Whether a text holds one of the keywords a password or key pattern starts with, in any case. One pass
    /// over the bytes: each byte that can start a keyword is tried against the keywords it starts.
    static func hasKeyword(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            for start in bytes.indices {
                let byte = lowered(bytes[start])
                guard
                    byte == UInt8(ascii: "p") || byte == UInt8(ascii: "m") || byte == UInt8(ascii: "k")
                        || byte == UInt8(ascii: "s") || byte == UInt8(ascii: "t")
                else { continue }
                for keyword in keywords where keyword[0] == byte && matches(keyword, in: bytes, at: start) {
                    return true
                }
            }
            return false
        }
    }

    private static func matches(_ keyword: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + keyword.count <= bytes.count else { return false }
        for offset in 1..<keyword.count where lowered(bytes[start + offset]) != keyword[offset] { return false }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static let patterns: [(String, NSRegularExpression?)] = [
        ("a password", try? NSRegularExpression(pattern: #"(?i)\b(password|passwd|pwd|mot de passe)\s*[:=]\s*\S{4,}"#)),
        (
            "an API key or token",
            try? NSRegularExpression(
                pattern: #"(?i)\b(api[_-]?key|secret|token|access[_-]?key)\s*[:=]\s*[A-Za-z0-9_\-]{12,}"#)
        ),
        ("an AWS access key", try? NSRegularExpression(pattern: #"\bAKIA[0-9A-Z]{16}\b"#)),
        ("a private key", try? NSRegularExpression(pattern: #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#)),
        ("a GitHub token", try? NSRegularExpression(pattern: #"\bgh[pousr]_[A-Za-z0-9]{36,}\b"#)),
    ]

    static func first(in text: String) -> String? {
        guard mayContainSecret(text) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        for (name, pattern) in patterns where pattern?.firstMatch(in: text, range: range) != nil {
            return name
        }
        return nil
    }
}
