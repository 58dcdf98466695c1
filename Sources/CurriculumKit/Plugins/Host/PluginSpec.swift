public import CurriculumPluginKit

/// A plugin the host can run: what to execute, with which options and limits, and where it was found.
public struct PluginSpec: Sendable, Equatable {
    /// Where a plugin was found, in discovery order.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case commandLine
        case configuration(String)
        case bundled
        case path

        public var description: String {
            switch self {
            case .commandLine: "--plugin"
            case .configuration(let file): "config \(file)"
            case .bundled: "bundled"
            case .path: "PATH"
            }
        }
    }

    /// A name for messages until the plugin names itself in the handshake.
    public var name: String
    /// The absolute path of the executable.
    public var executable: String
    public var arguments: [String]
    public var options: [String: JSONValue]
    public var limits: PluginLimits
    public var origin: Origin
    /// The export formats the plugin wants every session of a pack run for in one request, from its handshake
    /// (`capabilities.export.batched`).
    public var batchedFormats: Set<String> = []

    /// Creates a spec.
    public init(
        name: String, executable: String, arguments: [String] = [], options: [String: JSONValue] = [:],
        limits: PluginLimits = PluginLimits(), origin: Origin = .commandLine
    ) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.options = options
        self.limits = limits
        self.origin = origin
    }
}

/// The limits the host enforces on one plugin process.
public struct PluginLimits: Sendable, Equatable {
    /// How long the plugin may take to answer `initialize`.
    public var handshakeTimeout: Duration = .seconds(10)
    /// How long a request may go without any message from the plugin; `$/progress` resets it.
    public var requestTimeout: Duration = .seconds(120)
    /// The longest a request may take in all, however often the plugin reports progress; `nil` for ten times
    /// ``requestTimeout``.
    public var requestDeadline: Duration? = nil
    /// The most diagnostics kept from one plugin's answer; the most severe are kept, and a warning says how many
    /// were left out.
    public var maxDiagnostics = 5000
    /// How long after SIGTERM the process group gets before SIGKILL.
    public var terminationGrace: Duration = .milliseconds(500)
    /// How long the plugin may take to exit after the core closes its input.
    public var exitGrace: Duration = .seconds(2)
    /// The longest line accepted from the plugin.
    public var maxLineBytes = PluginProtocol.defaultMaxMessageBytes
    /// The most output accepted for one request.
    public var maxOutputBytes = 256 * 1024 * 1024
    /// How much of the plugin's standard error is kept for failure reports.
    public var stderrTailBytes = 64 * 1024

    /// Default limits.
    public init() {}

    /// The overall deadline that applies to one request.
    public var effectiveRequestDeadline: Duration { requestDeadline ?? requestTimeout * 10 }
}
