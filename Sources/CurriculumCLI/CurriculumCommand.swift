public import ArgumentParser
import CurriculumKit
import Foundation

/// The `curriculum` command: validate, show, pack and transform training curricula.
public struct CurriculumCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "curriculum",
        abstract: "Validate, inspect and package training curricula written in XML.",
        discussion: """
            Curricula are XML in the native format (urn:curriculumkit:curriculum:1): programmes, reusable modules, \
            sessions of timed days, evaluation, and deliveries that bind sessions to dates.

            Exit codes: 0 success; 1 the content has errors; 2 usage or configuration error; 3 a plugin or tool failed.
            """,
        version: ToolVersion.current,
        subcommands: [
            Validate.self, Show.self, Pack.self, Assemble.self, Import.self, Rules.self, Schema.self, Plugins.self,
            Templates.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with the toolkit's exit codes (2 for every usage error).
    public static func runAndExit() async -> Never {
        // Writing to a closed pipe must be an error to handle, not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        let interruptions = InterruptHandling.install()
        defer { withExtendedLifetime(interruptions) {} }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            InterruptHandling.yieldToInterruption()
            // Parts of a message can come from file names and plugins; escaping each line keeps them from acting
            // on the terminal (the parts that could hold a newline were escaped where the message was built).
            if !failure.message.isEmpty {
                Terminal.standardError.write(TerminalText.escapedLines(failure.message) + "\n")
            }
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            InterruptHandling.yieldToInterruption()
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Terminal.standardError.write(fullMessage(for: error) + "\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
