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
            Init.self, Validate.self, Explain.self, Show.self, Pack.self, Assemble.self, Import.self, Rules.self,
            Preview.self, Translate.self, Schema.self, Plugins.self, Templates.self, Version.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with the toolkit's exit codes (2 for every usage error).
    public static func runAndExit() async -> Never {
        // Writing to a closed pipe must be an error to handle, not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        let interruptions = InterruptHandling.install()
        defer { withExtendedLifetime(interruptions) {} }
        // `-V` is the short form of `--version` that many tools accept; ArgumentParser knows only the long one.
        if Array(CommandLine.arguments.dropFirst()) == ["-V"] {
            Terminal.standardOutput.write(ToolVersion.current + "\n")
            Foundation.exit(ExitStatus.success.rawValue)
        }
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
        } catch let error where CurriculumError(known: error) != nil {
            // The one place the toolkit's errors become exit statuses.
            let failure = CommandFailure(error)
            Terminal.standardError.write(TerminalText.escapedLines(failure.message) + "\n")
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            InterruptHandling.yieldToInterruption()
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Terminal.standardError.write(Self.lowercasedPrefix(fullMessage(for: error)) + "\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }

    /// ArgumentParser starts its messages with "Error:"; every other message of the toolkit starts with "error:",
    /// as compilers and linters print it, so its prefix is lowered to match.
    static func lowercasedPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }
}
