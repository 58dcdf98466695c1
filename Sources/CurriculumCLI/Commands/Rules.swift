import ArgumentParser
import CurriculumKit

extension CurriculumCommand {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the validation rules.",
            discussion: "`curriculum rules --format markdown > docs/rules.md` regenerates the rule reference.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

        @Option(help: "Output format: text, json or markdown.")
        var format: Format = .text

        func run() throws {
            let output =
                switch format {
                case .text: RuleDocumentation.text()
                case .json: RuleDocumentation.json()
                case .markdown: RuleDocumentation.markdown()
                }
            Terminal.standardOutput.write(output)
        }
    }
}
