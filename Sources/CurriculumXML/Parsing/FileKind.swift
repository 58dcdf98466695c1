import Foundation

/// What kind of thing a path names, from the mode bits of `stat`, so a refusal can say what it found.
public enum FileKind: Sendable, Equatable, CustomStringConvertible {
    case regularFile
    case folder
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case symbolicLink
    case unknown

    /// The kind of a file with these mode bits (`st_mode`).
    public init<Mode: BinaryInteger>(mode: Mode) {
        switch mode_t(truncatingIfNeeded: mode) & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .unknown
        }
    }

    /// The kind with its article, as in "is a FIFO, not a regular file".
    public var description: String {
        switch self {
        case .regularFile: "a regular file"
        case .folder: "a folder"
        case .fifo: "a FIFO"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .symbolicLink: "a symbolic link"
        case .unknown: "a special file"
        }
    }
}
