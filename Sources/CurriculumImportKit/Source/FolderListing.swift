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
            guard let names = try? manager.contentsOfDirectory(atPath: full) else {
                throw ImportFailure("\(full): the folder cannot be read")
            }
            for name in names.sorted() {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let path = root + "/" + relative
                guard let kind = FileStatus.kind(of: path) else { continue }
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
}
