/// Why a whole import source cannot be read: the archive is unsafe or damaged, a limit was reached, or the path
/// is not there. The message names the file and the reason, and is meant to be shown as is.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var message: String

    /// Creates a failure.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
