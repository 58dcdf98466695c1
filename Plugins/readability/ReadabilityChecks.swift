import CurriculumModel
import Foundation

/// The checks themselves, one text at a time.
enum ReadabilityChecks {
    static let longestSentence = 30
    static let longestInstructions = 150
    static let longestTitle = 80

    static func check(_ text: ParticipantText) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ code: String, _ severity: Severity, _ message: String, _ hint: String) {
            found.append(Diagnostic(severity: severity, code: code, message: message, hint: hint, location: text.location))
        }
        switch text.kind {
        case .title:
            if text.text.count > longestTitle {
                report("RDB003", .info, "the \(text.role) has \(text.text.count) characters", "Keep titles under \(longestTitle) characters; move detail into the summary.")
            }
        case .prose, .instructions:
            if let sentence = sentences(text.text).first(where: { words($0) > longestSentence }) {
                report(
                    "RDB001", .warning, "the \(text.role) has a sentence of \(words(sentence)) words: \"\(sentence.prefix(60))…\"",
                    "Split it; participants often read in their second language.")
            }
            if text.kind == .instructions, words(text.text) > longestInstructions {
                report("RDB002", .warning, "the \(text.role) run to \(words(text.text)) words", "Keep instructions under \(longestInstructions) words; put background in a handout.")
            }
        }
        if let shout = capitalRun(text.text) {
            report("RDB004", .warning, "the \(text.role) has text in capitals: \"\(shout)\"", "Use normal case; use <strong> for emphasis.")
        }
        return found
    }

    static func sentences(_ text: String) -> [String] {
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

    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).filter { $0.contains(where: \.isLetter) }.count
    }

    /// The first run of four or more words in capitals (acronyms alone are fine).
    static func capitalRun(_ text: String) -> String? {
        let words = text.split(separator: " ")
        var run: [Substring] = []
        for word in words {
            let letters = word.filter(\.isLetter)
            if letters.count >= 2 && letters.allSatisfy(\.isUppercase) {
                run.append(word)
                if run.count >= 4 { return run.joined(separator: " ") }
            } else {
                run.removeAll()
            }
        }
        return nil
    }
}
