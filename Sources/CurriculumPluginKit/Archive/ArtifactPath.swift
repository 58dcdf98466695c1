/// The rules every artifact path from an exporter must follow before the core writes it: relative,
/// `/`-separated, no `..`, `.` or empty segments, no absolute or drive paths, no backslashes, no control
/// characters, no segment longer than 255 bytes, none with a character or a name Windows refuses (`:`, `<>"|?*`,
/// a trailing dot or space, `CON`, `aux.txt`), and unique ignoring case (so a pack unpacks the same on every file
/// system).
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
        for segment in segments {
            if let problem = problem(withSegment: segment) { return problem }
        }
        return nil
    }

    /// Names Windows reserves for devices, with or without an extension (`CON`, `aux.txt`).
    static let reservedNames = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// Why one segment cannot be a file or folder name on every system a pack is opened on.
    private static func problem(withSegment segment: Substring) -> String? {
        if segment.utf8.count > 255 {
            return "the segment \"\(segment.prefix(40))…\" is \(segment.utf8.count) bytes long; file systems allow 255"
        }
        if let bad = segment.first(where: { ":<>\"|?*".contains($0) }) {
            return "the segment \"\(segment)\" contains '\(bad)', which Windows does not allow in a file name"
        }
        if segment.hasSuffix(".") || segment.hasSuffix(" ") {
            return "the segment \"\(segment)\" ends with a dot or a space, which Windows drops"
        }
        let base = segment.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if reservedNames.contains(base.trimmingSuffix(" ")) {
            return "the segment \"\(segment)\" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1–9, LPT1–9)"
        }
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

extension StringProtocol {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var text = String(self)
        while text.last == character { text.removeLast() }
        return text
    }
}
