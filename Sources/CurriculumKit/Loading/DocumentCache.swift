import CurriculumModel
import Foundation
import Synchronization

/// What identifies one version of a file without reading it: device, inode, size, and the modification and change
/// times in nanoseconds. Saving a file changes its times (and an editor that saves by renaming changes its inode),
/// so a file whose fingerprint is unchanged is the file that was read.
public struct FileFingerprint: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64

    /// The fingerprint of the file at a path, links followed; `nil` when there is no such file.
    public static func of(_ path: String) -> FileFingerprint? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileFingerprint(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
    }
}

/// Parsed, schema-checked documents kept between validations, so that a validation after a save parses only the
/// files that changed.
///
/// An entry is used only while the file's ``FileFingerprint`` is the one taken before it was parsed, and only for
/// the same root-relative path and severity policy, since both appear in the diagnostics it replays. The trees
/// kept are bounded by the size of their source files (``budget``): past it the least recently used are dropped,
/// and those files are simply parsed again when next needed.
public final class DocumentCache: Sendable {
    private struct Key: Hashable {
        var absolutePath: String
        var relativePath: String
        var policy: SeverityPolicy
    }

    private struct Entry {
        var fingerprint: FileFingerprint
        var document: LoadedDocument
        var diagnostics: [Diagnostic]
        var lastUse: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes: Int64 = 0
        var clock = 0
        var parsed = 0
        var reused = 0
    }

    /// Source bytes whose trees are kept at most.
    public let budget: Int64
    private let state = Mutex(State())

    /// Creates an empty cache.
    ///
    /// - Parameter budget: The source bytes whose parsed trees may be kept (a tree takes a few times its file's
    ///   size); 256 MB by default.
    public init(budget: Int64 = 256 * 1024 * 1024) {
        self.budget = budget
    }

    /// How many files were parsed and how many were reused since the last call, which resets both.
    public func takeCounts() -> (parsed: Int, reused: Int) {
        state.withLock { state in
            defer {
                state.parsed = 0
                state.reused = 0
            }
            return (state.parsed, state.reused)
        }
    }

    /// The document read from a file, from the cache when the file has not changed, otherwise read now and kept.
    func read(
        absolutePath: String, relativePath: String, into diagnostics: inout DiagnosticCollector,
        reading: (inout DiagnosticCollector) -> LoadedDocument
    ) -> LoadedDocument {
        let key = Key(absolutePath: absolutePath, relativePath: relativePath, policy: diagnostics.policy)
        let fingerprint = FileFingerprint.of(absolutePath)
        if let fingerprint {
            let cached: Entry? = state.withLock { state in
                guard var entry = state.entries[key], entry.fingerprint == fingerprint else { return nil }
                state.clock += 1
                entry.lastUse = state.clock
                state.entries[key] = entry
                state.reused += 1
                return entry
            }
            if let cached {
                diagnostics.add(contentsOf: cached.diagnostics)
                return cached.document
            }
        }
        var own = DiagnosticCollector(policy: diagnostics.policy)
        let document = reading(&own)
        diagnostics.add(contentsOf: own.diagnostics)
        state.withLock { state in
            state.parsed += 1
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.fingerprint.size }
            // A missing file is not kept: it is looked for again next time.
            guard let fingerprint, fingerprint.size <= budget else { return }
            state.clock += 1
            state.entries[key] = Entry(
                fingerprint: fingerprint, document: document, diagnostics: own.diagnostics, lastUse: state.clock)
            state.bytes += fingerprint.size
            while state.bytes > budget, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.fingerprint.size
            }
        }
        return document
    }
}
