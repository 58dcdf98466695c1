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
struct CommandFailure: Error {
    var exitCode: ExitStatus
    var message: String

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
