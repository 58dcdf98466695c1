import Foundation

/// A plugin that did not do its job: not found, crashed, timed out, or broke the protocol.
///
/// Problems in the course material are diagnostics inside a successful result; this type is only for failures
/// of the plugin itself, which the CLI maps to exit code 3.
public struct PluginFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        case notFound
        case notExecutable
        case launchFailed(String)
        case timedOut(seconds: Double)
        case exceededDeadline(seconds: Double)
        case exited(status: Int32)
        case killed(signal: Int32)
        case closedInputEarly(status: String)
        case protocolViolation(String)
        case errorResponse(code: Int, message: String)
        case unsupportedVersion(offered: [Int], supported: [Int])
        case missingCapability(String, has: [String])
        case leftProcessesBehind
    }

    /// The plugin's name.
    public var plugin: String
    /// The executable.
    public var executable: String
    /// What the host was doing: `starting`, `handshake`, `handling validate`.
    public var action: String
    public var reason: Reason
    /// The last lines the plugin wrote to standard error.
    public var stderrTail: String
    /// Whether the plugin ignored SIGTERM and had to be killed with SIGKILL.
    public var neededKill = false

    /// Creates a failure.
    public init(
        plugin: String, executable: String, action: String, reason: Reason, stderrTail: String,
        neededKill: Bool = false
    ) {
        self.plugin = plugin
        self.executable = executable
        self.action = action
        self.reason = reason
        self.stderrTail = stderrTail
        self.neededKill = neededKill
    }

    /// The failure for a terminal: the plugin's name, its messages and its standard error are its own words, so
    /// every control character in them is escaped (``TerminalText``), one escaped line per line of its stderr.
    public var description: String {
        let executable = TerminalText.escaped(self.executable)
        let action = TerminalText.escaped(self.action)
        var text = "plugin \"\(TerminalText.escaped(plugin))\" "
        switch reason {
        case .notFound: text += "was not found: \(executable) does not exist"
        case .notExecutable: text += "cannot be run: \(executable) is not an executable file"
        case .launchFailed(let detail): text += "could not be started (\(executable)): \(TerminalText.escaped(detail))"
        case .timedOut(let seconds):
            text += "did not answer within \(Self.format(seconds)) s while \(action); it was stopped"
        case .exceededDeadline(let seconds):
            text +=
                "did not finish within \(Self.format(seconds)) s while \(action), the overall limit for one request (progress does not extend it); it was stopped"
        case .exited(let status): text += "exited with status \(status) while \(action)"
        case .killed(let signal): text += "was killed by signal \(signal) (\(Self.signalName(signal))) while \(action)"
        case .closedInputEarly(let status): text += "stopped reading its input while \(action) and \(status)"
        case .protocolViolation(let detail):
            text += "broke the protocol while \(action): \(TerminalText.escaped(detail))"
        case .errorResponse(let code, let message):
            text += "returned error \(code) while \(action): \(TerminalText.escaped(message))"
        case .leftProcessesBehind:
            text +=
                "left processes running after it exited (\(action)); they were killed. A plugin must wait for its children"
        case .missingCapability(let method, let has):
            text +=
                "cannot \(method): its capabilities are \(has.isEmpty ? "none" : TerminalText.escaped(has.joined(separator: ", ")))"
        case .unsupportedVersion(let offered, let supported):
            let theirs = supported.map(String.init).joined(separator: ", ")
            let ours = offered.map(String.init).joined(separator: ", ")
            text +=
                "speaks plugin protocol version \(theirs), but this curriculum program (\(ToolVersion.current)) speaks version \(ours). "
            text +=
                supported.allSatisfy { $0 > (offered.max() ?? 0) }
                ? "Upgrade curriculum to a release that speaks version \(theirs), or use an older release of the plugin."
                : "Upgrade the plugin to a release that speaks version \(ours)."
        }
        if neededKill {
            text += ". It ignored SIGTERM and was killed with SIGKILL"
        }
        let tail = stderrTail.trimmingCharacters(in: .whitespacesAndNewlines)
        if !tail.isEmpty {
            let lines = tail.split(separator: "\n", omittingEmptySubsequences: false).suffix(20)
            text +=
                "\n  its standard error ended with:\n"
                + lines.map { "    | " + TerminalText.escaped(String($0)) }.joined(separator: "\n")
        }
        return text
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: "SIGKILL"
        case SIGTERM: "SIGTERM"
        case SIGSEGV: "SIGSEGV"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGILL: "SIGILL"
        case SIGPIPE: "SIGPIPE"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }
}
