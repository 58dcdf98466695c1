/// Every way a command can fail, as one type: a code that carries the exit status, and the message for standard
/// error. The toolkit's own error types (``ConfigurationError``, ``PluginFailure``, ``PackFailure``,
/// ``ImportError``, ``DiscoveryError``) are mapped to it in one place, ``init(_:)``, so every command exits the same
/// way for the same mistake.
public struct CurriculumError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it is; each kind has one exit status.
    public enum Code: String, Sendable, CaseIterable {
        /// The content has errors: exit 1.
        case content
        /// The command line cannot be used as given: exit 2.
        case usage
        /// A configuration file, or a setting in it, cannot be used: exit 2.
        case configuration
        /// A plugin failed or broke the protocol: exit 3.
        case plugin
        /// The file system or another tool failed: exit 3.
        case tool

        /// The process exit status for this kind of failure.
        public var exitStatus: Int32 {
            switch self {
            case .content: 1
            case .usage, .configuration: 2
            case .plugin, .tool: 3
            }
        }
    }

    public var code: Code
    /// The message, already in the words a user reads (may span several lines).
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The toolkit's error types mapped to a code; an error of any other type is a tool failure.
    public init(_ error: any Error) {
        self = CurriculumError(known: error) ?? CurriculumError(.tool, "\(error)")
    }

    /// The toolkit's error types mapped to a code; `nil` for an error of another type (an argument parser's).
    public init?(known error: any Error) {
        switch error {
        case let error as CurriculumError: self = error
        case let error as ConfigurationError: self.init(.configuration, error.description)
        case let error as DiscoveryError: self.init(.usage, error.description)
        case let error as PluginFailure: self.init(.plugin, error.description)
        case let error as PackFailure:
            let code: Code =
                switch error.kind {
                case .content: .content
                case .output: .usage
                case .exporter, .io: .tool
                }
            self.init(code, error.description)
        case let error as ImportError:
            let code: Code =
                switch error.kind {
                case .usage: .usage
                case .content: .content
                case .tool: .tool
                }
            self.init(code, error.description)
        default: return nil
        }
    }

    public var description: String { message }
}
