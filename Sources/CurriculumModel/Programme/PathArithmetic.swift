/// Lexical arithmetic on `/`-separated relative paths, without touching the file system.
public enum PathArithmetic {
    /// Joins a folder and a relative path and normalises `.` and `..`; a result that climbs above the start
    /// keeps its leading `..` segments so callers can see that it escapes.
    public static func join(_ directory: String, _ relative: String) -> String {
        normalise(directory.isEmpty ? relative : directory + "/" + relative)
    }

    /// Removes `.` segments, empty segments and `segment/..` pairs.
    public static func normalise(_ path: String) -> String {
        if isNormal(path) { return path }
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(segment) }
            default: parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a path has nothing to normalise: no empty, `.` or `..` segment. Most paths in a curriculum are
    /// like that, and are then returned without being split and joined.
    private static func isNormal(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")) {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }

    /// The folder part of a path (`a/b` for `a/b/c.xml`, empty for `c.xml`).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Whether a normalised relative path stays inside its root.
    public static func staysInside(_ normalised: String) -> Bool {
        !normalised.hasPrefix("/") && normalised != ".." && !normalised.hasPrefix("../")
    }
}
