/// The files that changed under watched folders since the last look, as absolute paths.
public struct FileChanges: Sendable, Equatable {
    /// Files that appeared.
    public var added: Set<String>
    /// Files that disappeared.
    public var removed: Set<String>
    /// Files whose contents (size, times or identity) changed.
    public var modified: Set<String>

    /// Creates a set of changes.
    public init(added: Set<String> = [], removed: Set<String> = [], modified: Set<String> = []) {
        self.added = added
        self.removed = removed
        self.modified = modified
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }

    /// Every path that changed in any way.
    public var all: Set<String> { added.union(removed).union(modified) }

    /// The changes from one listing of files (path → fingerprint) to the next.
    public init(from old: [String: FileFingerprint], to new: [String: FileFingerprint]) {
        var added: Set<String> = []
        var modified: Set<String> = []
        for (path, fingerprint) in new {
            if let before = old[path] {
                if before != fingerprint { modified.insert(path) }
            } else {
                added.insert(path)
            }
        }
        self.init(added: added, removed: Set(old.keys.filter { new[$0] == nil }), modified: modified)
    }
}
