/// A pack that could not be written. ``outcome`` says what the failure left in place, and ``published`` which
/// packs of the same run were published before it, so the command can tell exactly what was written.
public struct PackFailure: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, which decide the exit code.
    public enum Kind: Sendable {
        /// The pack's own name cannot be a folder name (an ID the rules would refuse, with the rule ignored): exit 1.
        case content
        /// The output folder cannot be used (a file, a symbolic link, not writable): exit 2.
        case output
        /// An exporter returned something the core refuses (a bad path, a missing file): exit 3.
        case exporter
        /// The file system failed while writing: exit 3.
        case io
    }

    /// What the failing pack's destination holds afterwards.
    public enum Outcome: Sendable, Equatable {
        /// Exactly what it held before the run (possibly nothing).
        case unchanged
        /// The new folder is in place, but its zip could not be written and the old folder could not be put back.
        case replacedWithoutZip
        /// The previous pack was moved aside and could not be put back; the message names where it is.
        case previousMovedAside
    }

    public var kind: Kind
    public var message: String
    public var outcome: Outcome
    /// Pack folders published earlier in the same run, before this failure.
    public var published: [String]

    public init(kind: Kind, message: String, outcome: Outcome = .unchanged, published: [String] = []) {
        self.kind = kind
        self.message = message
        self.outcome = outcome
        self.published = published
    }

    public var description: String { message }
}
