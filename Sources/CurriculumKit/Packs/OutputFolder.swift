import Foundation

/// The folder packs are written into (`--out`), checked before anything is created in it.
///
/// A symbolic link anywhere in the path is refused rather than followed: `--out link/packs` with `link` pointing
/// elsewhere would otherwise write (and replace folders) somewhere the command line does not name. The message
/// names the link and where it points, so the real folder can be given instead.
enum OutputFolder {
    /// Checks every existing part of an absolute, normalised path, and creates the missing ones.
    static func prepare(_ folder: String) throws(PackFailure) {
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            var status = stat()
            guard lstat(prefix, &status) == 0 else { break }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: prefix)) ?? "?"
                throw PackFailure(
                    kind: .output,
                    message:
                        "the output folder \(folder) goes through the symbolic link \(prefix) (→ \(target)); packs are never written through a link, give the real folder"
                )
            case S_IFDIR: continue
            default:
                throw PackFailure(
                    kind: .output,
                    message: prefix == folder
                        ? "the output folder \(folder) is a file"
                        : "the output folder \(folder) cannot be made: \(prefix) is a file")
            }
        }
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        } catch {
            throw PackFailure(
                kind: .output, message: "cannot create the output folder \(folder): \(error.localizedDescription)")
        }
    }
}
