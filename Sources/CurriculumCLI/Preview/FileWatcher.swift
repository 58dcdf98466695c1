import CurriculumKit
import CurriculumPluginKit
import Foundation

/// Notices when files under some folders are added, removed or saved, by listing the folders a few times a second
/// and comparing each file's fingerprint (inode, size, modification and change times): portable, with no
/// dependency, and cheap for a curriculum's few hundred files. Larger trees are listed less often, so that watching
/// a collection of thousands of files does not keep a core busy.
struct FileWatcher: Sendable {
    let folders: [String]
    /// Folders never looked into (hidden ones are skipped too): build output and packs.
    static let skipped: Set<String> = [".build", ".git", "node_modules", "packs", ".swiftpm"]

    init(folders: [String]) {
        self.folders = folders
    }

    init(folder: String) {
        self.init(folders: [folder])
    }

    /// Path → fingerprint of every file below the folders (links followed for files, not for folders).
    func snapshot() -> [String: FileFingerprint] {
        var result: [String: FileFingerprint] = [:]
        var pending = folders
        while let folder = pending.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = DirectoryEntryName.string(of: entry)
                if name.hasPrefix(".") || Self.skipped.contains(name) { continue }
                let path = folder + "/" + name
                if Int32(entry.pointee.d_type) == Int32(DT_DIR) {
                    pending.append(path)
                    continue
                }
                var status = stat()
                if Int32(entry.pointee.d_type) != Int32(DT_REG), lstat(path, &status) == 0,
                    (status.st_mode & S_IFMT) == S_IFDIR
                {
                    pending.append(path)
                    continue
                }
                if let fingerprint = FileFingerprint.of(path) { result[path] = fingerprint }
            }
        }
        return result
    }

    /// Calls `changed` with what changed after each change, until the task is cancelled. The folders are listed
    /// every `interval`, or less often when listing them takes more than a fifth of that.
    func watch(every interval: Duration = .milliseconds(100), changed: @Sendable (FileChanges) async -> Void) async {
        let clock = ContinuousClock()
        var last = snapshot()
        var pause = interval
        while !Task.isCancelled {
            try? await Task.sleep(for: pause)
            let started = clock.now
            let now = snapshot()
            pause = max(interval, (clock.now - started) * 5)
            let changes = FileChanges(from: last, to: now)
            if !changes.isEmpty {
                last = now
                await changed(changes)
            }
        }
    }
}
