/// The rules every artifact path from an exporter must follow before the core writes it: relative,
/// `/`-separated, no `..`, `.` or empty segments, no absolute or drive paths, no backslashes, no control
/// characters, and unique ignoring case (so a pack unpacks the same on every file system).
public enum ArtifactPath {
    /// Why a path is refused, or `nil` when it is acceptable.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "the path is absolute" }
        if path.contains("\\") { return "the path contains a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the path contains a control character"
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if let first = segments.first, first.count >= 2, first.dropFirst().first == ":" {
            return "the path starts with a drive letter"
        }
        if segments.contains(where: { $0.isEmpty }) { return "the path has an empty segment" }
        if segments.contains(where: { $0 == "." }) { return "the path has a '.' segment" }
        if segments.contains(where: { $0 == ".." }) { return "the path climbs out with '..'" }
        if path.count > 1024 { return "the path is longer than 1024 characters" }
        return nil
    }

    /// Pairs of paths that differ only in case.
    public static func caseCollisions(in paths: [String]) -> [(String, String)] {
        var seen: [String: String] = [:]
        var collisions: [(String, String)] = []
        for path in paths {
            let key = path.lowercased()
            if let earlier = seen[key] { collisions.append((earlier, path)) } else { seen[key] = path }
        }
        return collisions
    }
}
