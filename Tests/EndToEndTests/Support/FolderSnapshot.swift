import Foundation

/// Every regular file under a folder, by path relative to it, with its bytes and permission bits: what two runs
/// that should agree are compared on.
struct FolderSnapshot: Equatable {
    struct File: Equatable {
        var data: Data
        var permissions: Int
    }

    var files: [String: File]

    /// Reads the folder; symbolic links and folders themselves are not files.
    init(_ folder: URL) throws {
        files = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let path = folder.appendingPathComponent(relative).path
            let attributes = try manager.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files[relative] = File(
                data: try Data(contentsOf: URL(fileURLWithPath: path)),
                permissions: attributes[.posixPermissions] as? Int ?? -1)
        }
    }

    /// What differs from another snapshot, one short line per file, in path order; empty when they agree.
    func differences(from other: FolderSnapshot) -> [String] {
        Set(files.keys).union(other.files.keys).sorted().compactMap { path in
            switch (files[path], other.files[path]) {
            case (nil, _): return "\(path): only in the second run"
            case (_, nil): return "\(path): only in the first run"
            case (let mine?, let theirs?) where mine.data != theirs.data:
                guard let text = String(data: mine.data, encoding: .utf8),
                    let other = String(data: theirs.data, encoding: .utf8)
                else { return "\(path): the bytes differ (\(mine.data.count) and \(theirs.data.count) bytes)" }
                return "\(path): the text differs " + TextDifference.first(text, other)
            case (let mine?, let theirs?) where mine.permissions != theirs.permissions:
                return "\(path): the permissions differ (\(String(mine.permissions, radix: 8)) and "
                    + "\(String(theirs.permissions, radix: 8)))"
            default: return nil
            }
        }
    }
}
