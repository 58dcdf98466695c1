import Foundation
import Synchronization

/// Which configuration files a run used or refused, so the command can say so (once per file).
public final class ConfigurationLog: Sendable {
    /// What happened to one configuration file.
    public enum Decision: Sendable, Equatable {
        /// Named with `--config`.
        case given
        /// Found beside a curriculum and trusted.
        case used
        /// Found beside a curriculum outside the trusted folders: not used at all.
        case untrusted
    }

    /// One configuration file and what was decided about it.
    public struct Entry: Sendable, Equatable {
        /// The file, absolute.
        public var file: String
        public var decision: Decision
    }

    private let entries = Mutex<[Entry]>([])

    /// Creates an empty log.
    public init() {}

    /// Records a decision about a file; later decisions about the same file are not repeated.
    public func record(_ file: String, _ decision: Decision) {
        entries.withLock { entries in
            if !entries.contains(where: { $0.file == file }) { entries.append(Entry(file: file, decision: decision)) }
        }
    }

    /// Every file recorded, sorted by path.
    public var files: [Entry] { entries.withLock { $0 }.sorted { $0.file < $1.file } }
}
