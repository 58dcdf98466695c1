import Foundation

/// Notices when any file under a folder is added, removed or saved, by comparing modification times and sizes
/// a few times a second: portable, with no dependency, and cheap for a curriculum's few hundred files.
struct FileWatcher: Sendable {
    let folder: String
    /// Folders never looked into: hidden ones, build output and packs.
    static let skipped: Set<String> = [".build", ".git", "node_modules", "packs", ".swiftpm"]

    /// Path → modification time and size.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        guard
            let enumerator = manager.enumerator(
                at: URL(fileURLWithPath: folder),
                includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                options: [.skipsHiddenFiles])
        else { return result }
        for case let url as URL in enumerator {
            if Self.skipped.contains(url.lastPathComponent) {
                enumerator.skipDescendants()
                continue
            }
            guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey]),
                let size = values.fileSize
            else { continue }
            result[url.path] = "\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(size)"
        }
        return result
    }

    /// Calls `changed` after each change, until the task is cancelled.
    func watch(every interval: Duration = .milliseconds(100), changed: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}
