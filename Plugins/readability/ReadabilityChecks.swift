import CurriculumModel
import Foundation

/// The checks themselves, one text at a time.
struct ReadabilityChecks {
    var longestSentence = 30
    var longestInstructions = 150
    var longestTitle = 80

    func check(_ text: ParticipantText) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ code: String, _ severity: Severity, _ message: String, _ hint: String) {
            found.append(
                Diagnostic(severity: severity, code: code, message: message, hint: hint, location: text.location))
        }
        switch text.kind {
        case .title:
            if text.text.count > longestTitle {
                report(
                    "RDB003", .info, "the \(text.role) has \(text.text.count) characters",
                    "Keep titles under \(longestTitle) characters; move detail into the summary.")
            }
        case .prose, .instructions:
            if let sentence = sentences(text.text).first(where: { words($0) > longestSentence }) {
                report(
                    "RDB001", .warning,
                    "the \(text.role) has a sentence of \(words(sentence)) words: \"\(sentence.prefix(60))…\"",
                    "Split it; participants often read in their second language.")
            }
            if text.kind == .instructions, words(text.text) > longestInstructions {
                report(
                    "RDB002", .warning, "the \(text.role) run to \(words(text.text)) words",
                    "Keep instructions under \(longestInstructions) words; put background in a handout.")
            }
        }
        if let shout = capitalRun(text.text) {
            report(
                "RDB004", .warning, "the \(text.role) has text in capitals: \"\(shout)\"",
                "Use normal case; use <strong> for emphasis.")
        }
        return found
    }

    func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?;\n".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).filter { $0.contains(where: \.isLetter) }
            .count
    }

    /// The first run of four or more words in capitals with at least twelve letters between them (acronyms and
    /// a short "NOT" are fine).
    func capitalRun(_ text: String) -> String? {
        var run: [Substring] = []
        var letters = 0
        for word in text.split(separator: " ") {
            let wordLetters = word.filter(\.isLetter)
            if !wordLetters.isEmpty && wordLetters.allSatisfy(\.isUppercase) {
                run.append(word)
                letters += wordLetters.count
                if run.count >= 4 && letters >= 12 { return run.joined(separator: " ") }
            } else {
                run.removeAll()
                letters = 0
            }
        }
        return nil
    }
}
