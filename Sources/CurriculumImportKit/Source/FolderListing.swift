import CurriculumPluginKit
import Foundation

/// Lists the regular files below a folder without following links out of it: a link to a file inside the folder
/// is listed like the file, a link leading elsewhere fails the import.
struct FolderListing {
    let root: String
    let limits: ArchiveLimits

    func files() throws(ImportFailure) -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let full = folder.isEmpty ? root : root + "/" + folder
            guard let entries = Self.entries(of: full) else {
                throw ImportFailure("\(full): the folder cannot be read")
            }
            for (name, listedKind) in entries.sorted(by: { $0.name < $1.name }) {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let path = root + "/" + relative
                guard let kind = listedKind ?? FileStatus.kind(of: path) else { continue }
                switch kind {
                case .directory: pending.append(relative)
                case .regular: files.append(relative)
                case .symbolicLink:
                    guard SourceTree.isInside(path, root: root) else {
                        throw ImportFailure(
                            "\(path): a symbolic link that leads outside the source folder; nothing was imported")
                    }
                    var isFolder: ObjCBool = false
                    if manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                        files.append(relative)
                    }
                case .other: continue
                }
                guard files.count <= limits.maxEntries else {
                    throw ImportFailure("\(root): the folder holds more than \(limits.maxEntries) files")
                }
            }
        }
        return files
    }

    /// The names in a folder with their kinds as the folder lists them (`nil` when it does not say, and the file
    /// must be looked at): one read of the folder instead of a look at every file.
    static func entries(of folder: String) -> [(name: String, kind: FileStatus.Kind?)]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: FileStatus.Kind?)] = []
        while let entry = readdir(stream) {
            let name = DirectoryEntryName.string(of: entry)
            guard name != ".", name != ".." else { continue }
            let kind: FileStatus.Kind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .regular
                case Int32(DT_DIR): .directory
                case Int32(DT_LNK): .symbolicLink
                case Int32(DT_UNKNOWN): nil
                default: .other
                }
            entries.append((name, kind))
        }
        return entries
    }
}
