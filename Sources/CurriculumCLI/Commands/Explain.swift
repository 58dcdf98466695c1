import ArgumentParser
import CurriculumKit
import Foundation

extension CurriculumCommand {
    /// `curriculum explain CODE`: everything about one rule, where a finding's hint sends the author.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a rule code: why the rule exists, an example that triggers it, and the fix.",
            discussion: """
                Every finding of `curriculum validate` names a code such as TIM001; its hint line ends with the \
                command that explains it. `curriculum rules` lists every code.

                Examples:
                  curriculum explain TIM001
                  curriculum explain ped004
                """)

        @Argument(help: "A rule code, such as TIM001 (any case).")
        var code: String

        func run() throws {
            let wanted = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard let rule = RuleRegistry.descriptors.first(where: { $0.code.rawValue == wanted }) else {
                let closest = Self.closest(to: wanted, among: RuleRegistry.descriptors.map(\.code.rawValue))
                let suggestion =
                    closest.isEmpty
                    ? "; `curriculum rules` lists every code"
                    : "; closest: \(closest.joined(separator: ", ")) (`curriculum rules` lists every code)"
                throw CommandFailure.usage("no rule \"\(code)\"\(suggestion)")
            }
            Terminal.standardOutput.write(Self.text(for: rule))
        }

        /// The explanation, an example and the fix, as printed.
        static func text(for rule: RuleDescriptor) -> String {
            let code = rule.code.rawValue
            var text = "\(code): \(rule.title)\n"
            text += "  family \(rule.family.title.lowercased()) · default severity \(rule.severity.rawValue)\n\n"
            text += wrap(rule.explanation, indent: "") + "\n"
            if let example = rule.example {
                text += "\nTriggers it:\n    \(example.trigger)\n"
                text += "\nFixed:\n    \(example.fix)\n"
            }
            if let hint = rule.hint {
                text += "\nFix: " + wrap(hint, indent: "     ") + "\n"
            }
            let milder =
                switch rule.severity {
                case .error: "warning"
                case .warning: "info"
                case .info: "off"
                }
            text += """

                To change its severity or switch it off for a curriculum, in curriculum.json:
                    {"rules": {"\(code)": "\(milder)"}}      (error, warning, info or off)
                For one run: curriculum validate --ignore \(code)
                Reference: docs/rules.md#\(code.lowercased())

                """
            return text
        }

        /// Up to three codes nearest to a mistyped one: the same family letters first, then by edit distance.
        static func closest(to code: String, among codes: [String]) -> [String] {
            let scored = codes.map { candidate -> (String, Int) in
                (candidate, distance(Array(code), Array(candidate)))
            }
            return scored.filter { $0.1 <= max(2, code.count / 2) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3)
                .map(\.0)
        }

        private static func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, left) in a.enumerated() {
                var current = [i + 1]
                for (j, right) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }

        /// Wraps prose at 100 columns so long explanations read well in a terminal.
        private static func wrap(_ text: String, indent: String) -> String {
            var lines: [String] = []
            var line = ""
            for word in text.split(separator: " ") {
                if !line.isEmpty && line.count + word.count + 1 > 100 {
                    lines.append(line)
                    line = indent
                }
                line += (line.isEmpty || line == indent ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(line) }
            return lines.joined(separator: "\n")
        }
    }
}
