/// A pack that could not be written. Nothing was published when one of these is thrown.
public struct PackFailure: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, which decide the exit code.
    public enum Kind: Sendable {
        /// The output folder cannot be used (a file, a symbolic link, not writable): exit 2.
        case output
        /// An exporter returned something the core refuses (a bad path, a missing file): exit 3.
        case exporter
        /// The file system failed while writing: exit 3.
        case io
    }

    public var kind: Kind
    public var message: String

    public var description: String { message }
}
