import CurriculumPluginKit

/// Checks the name of a file inside an archive before anything is done with it.
enum EntryName {
    /// The entry's path with leading `./` removed (as `tar -C folder .` writes every name), or a failure when it
    /// could land outside the archive's folder (zip slip) or is otherwise unusable.
    ///
    /// - Parameter isFolder: Whether the entry is a folder; the archive's own top folder (`./`, `.`) is then
    ///   accepted and `nil` returned, since there is nothing to record for it.
    static func checked(_ raw: String, archive: String, isFolder: Bool = false) throws(ImportFailure) -> String? {
        var name = Substring(raw)
        while name.hasPrefix("./") { name = name.dropFirst(2).drop { $0 == "/" } }
        if name.hasSuffix("/") { name = name.dropLast() }
        if isFolder && (name.isEmpty || name == ".") { return nil }
        let shown = shown(raw)
        if let problem = ArtifactPath.problem(with: String(name)) {
            throw ImportFailure(
                "\(archive): the entry \"\(shown)\" is refused: \(problem) (it could be written outside the archive's folder); nothing was imported"
            )
        }
        return String(name)
    }

    /// A name as messages show it: at most 200 characters.
    static func shown(_ raw: String) -> String {
        raw.count > 200 ? String(raw.prefix(200)) + "…" : raw
    }

    /// The path of a file entry: as ``checked(_:archive:isFolder:)``, where an empty name is refused.
    static func checkedFile(_ raw: String, archive: String) throws(ImportFailure) -> String {
        // A file is never the archive's top folder, so a name is always returned or a failure thrown.
        guard let name = try checked(raw, archive: archive) else {
            throw ImportFailure("\(archive): an entry has no name; nothing was imported")
        }
        return name
    }
}
