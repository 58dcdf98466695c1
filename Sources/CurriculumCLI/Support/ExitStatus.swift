import CurriculumKit

/// The exit codes every command uses.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// The content has errors (diagnostics were printed).
    case contentErrors = 1
    /// A usage or configuration error.
    case usage = 2
    /// A plugin or tool failed.
    case toolFailure = 3
}

/// Ends a command with an exit code and an optional message for standard error.
///
/// Errors of the toolkit's own types need not be wrapped: ``CurriculumCommand/runAndExit()`` maps every one of
/// them through ``CurriculumError`` in one place. This type is for what a command decides itself.
struct CommandFailure: Error {
    var exitCode: ExitStatus
    var message: String

    init(exitCode: ExitStatus, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    /// Any error, with the exit status its ``CurriculumError`` code carries.
    init(_ error: any Error) {
        if let failure = error as? CommandFailure {
            self = failure
            return
        }
        let mapped = CurriculumError(error)
        self.init(
            exitCode: ExitStatus(rawValue: mapped.code.exitStatus) ?? .toolFailure, message: "error: " + mapped.message)
    }

    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(exitCode: .usage, message: "error: " + message)
    }
    static func content(_ message: String = "") -> CommandFailure {
        CommandFailure(exitCode: .contentErrors, message: message)
    }
    static func tool(_ message: String) -> CommandFailure {
        CommandFailure(exitCode: .toolFailure, message: "error: " + message)
    }
}
