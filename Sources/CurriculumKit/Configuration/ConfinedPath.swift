import CurriculumPluginKit
import Foundation

/// Paths a configuration names relative to its own folder (plugin programs and scripts, template folders), which
/// must stay inside that folder: no `..` that climbs out, and no symbolic link on the way, since a link can lead
/// anywhere (a templates folder linking to `/etc/passwd` once embedded it in a participant pack).
enum ConfinedPath {
    /// The absolute path of `relative` inside `folder`.
    ///
    /// - Throws: ``ConfigurationError`` naming the configuration file when the path leaves the folder or passes
    ///   through a symbolic link.
    static func resolve(
        _ relative: String, in folder: String, for what: String, file: String
    ) throws(ConfigurationError) -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains("..") {
            throw ConfigurationError(
                path: file,
                reason:
                    "\(what) \(ArtifactPath.quoted(relative)) climbs out with \"..\"; paths in a configuration stay inside its folder \(folder)"
            )
        }
        var path = folder
        for part in parts where part != "." {
            path += "/" + part
            var status = stat()
            guard lstat(path, &status) == 0 else { break }
            if (status.st_mode & S_IFMT) == S_IFLNK {
                throw ConfigurationError(
                    path: file,
                    reason:
                        "\(what) \(ArtifactPath.quoted(relative)) goes through the symbolic link \(path); links are refused in configuration paths"
                )
            }
        }
        return path
    }
}
