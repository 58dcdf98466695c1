/// Why `curriculum import` stopped before writing anything. The kind decides the exit code.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: Sendable {
        /// The command cannot run as asked: no such source, unknown format, no importer, an unusable output: exit 2.
        case usage
        /// The source cannot be read as course material (a damaged or unsafe archive): exit 1.
        case content
        /// The importer failed or returned something unusable, or writing failed: exit 3.
        case tool
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
