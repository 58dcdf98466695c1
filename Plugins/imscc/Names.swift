/// Turns model IDs and file paths into names a cartridge can use: XML IDs (NCNames), zip entry paths and file
/// names, all ASCII and unique.
enum Names {
    /// The ID or name with every character other than ASCII letters, digits, `-`, `_` and `.` replaced by `_`.
    /// Never empty.
    static func token(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            let isSafe =
                scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_" || scalar == ".")
            result.unicodeScalars.append(isSafe ? scalar : "_")
        }
        return result.isEmpty ? "_" : result
    }

    /// A path segment for a zip entry: a ``token(_:)`` that does not start with a dot (so no `.`, `..` or hidden
    /// files) and is never `imsmanifest.xml`, which Moodle looks for at any depth of the archive.
    static func segment(_ raw: String) -> String {
        var name = token(raw)
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        if name.lowercased() == "imsmanifest.xml" { name = "imsmanifest_.xml" }
        return name
    }

    /// A `/`-separated relative path with every segment made safe by ``segment(_:)``.
    static func path(_ raw: String) -> String {
        raw.split(separator: "/", omittingEmptySubsequences: true).map { segment(String($0)) }.joined(separator: "/")
    }

    /// Whether a string is an NCName of the restricted ASCII form this plugin writes.
    static func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_"
        else { return false }
        return token(name) == name
    }
}

/// Hands out names that have not been used yet, adding `-2`, `-3`… (before a file extension) to repeats.
struct UniqueNames {
    private var taken: Set<String> = []
    /// Whether `A` and `a` count as the same name (file paths, for case-insensitive file systems).
    let ignoresCase: Bool

    init(ignoresCase: Bool) {
        self.ignoresCase = ignoresCase
    }

    /// Marks a name as used without handing it out.
    mutating func reserve(_ name: String) {
        taken.insert(key(name))
    }

    /// The candidate, or the first free variant of it.
    mutating func claim(_ candidate: String) -> String {
        if taken.insert(key(candidate)).inserted { return candidate }
        let (stem, suffix) = Self.split(candidate)
        var number = 2
        while true {
            let name = "\(stem)-\(number)\(suffix)"
            if taken.insert(key(name)).inserted { return name }
            number += 1
        }
    }

    private func key(_ name: String) -> String { ignoresCase ? name.lowercased() : name }

    /// `a/b.md` → (`a/b`, `.md`); a name without an extension in its last segment keeps everything in the stem.
    private static func split(_ name: String) -> (String, String) {
        let lastSegmentStart = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        guard let dot = name[lastSegmentStart...].lastIndex(of: "."), dot > lastSegmentStart else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}
