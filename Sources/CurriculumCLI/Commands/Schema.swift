import ArgumentParser
import CurriculumKit

extension CurriculumCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a schema of the native format.",
            discussion: """
                `curriculum schema xml > curriculum.xsd` gives editors completion and checking for the format; \
                the schema is built into the binary.
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable { case xml }

        @Argument(help: "Which schema: xml (the XML Schema of curriculum documents).")
        var kind: Kind

        func run() throws {
            switch kind {
            case .xml: Terminal.standardOutput.write(CurriculumSchema.source + "\n")
            }
        }
    }
}
