import ArgumentParser
import CurriculumKit

extension CurriculumCommand {
    /// `curriculum version`: the same line as `--version` and `-V`, for people who type the word.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the toolkit's version (also --version and -V).")

        func run() throws {
            Terminal.standardOutput.write(ToolVersion.current + "\n")
        }
    }
}
