import CurriculumPluginKit
import Foundation

/// A folder of replacement templates (`--templates`, or a plugin's `templates` option), checked before an exporter
/// reads it: a folder that is not itself a link, holding no symbolic links and only regular template files, so a
/// template can never pull in a file from outside the folder (or block on a FIFO).
public enum TemplateFolder {
    /// What is wrong with the folder at an absolute path, or `nil` when it may be used.
    public static func problem(with folder: String) -> String? {
        var status = stat()
        guard lstat(folder, &status) == 0 else { return "not a folder (nothing is there)" }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return "it is a symbolic link; give the real folder"
        default: return "not a folder"
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            let path = folder + "/" + name
            guard lstat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            if kind == S_IFLNK {
                return
                    "it holds \(ArtifactPath.quoted(name)), a symbolic link; templates must be regular files inside the folder"
            }
            let isTemplate = name.hasSuffix(".mustache") || name == "styles.css"
            if isTemplate && kind != S_IFREG {
                return "it holds \(ArtifactPath.quoted(name)), which is not a regular file"
            }
        }
        return nil
    }
}
