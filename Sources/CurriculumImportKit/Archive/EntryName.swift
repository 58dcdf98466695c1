import CurriculumPluginKit

/// Checks the name of a file inside an archive before anything is done with it.
enum EntryName {
    /// The entry's path with `./` prefixes removed, or a failure when it could land outside the archive's folder
    /// (zip slip) or is otherwise unusable.
    static func checked(_ raw: String, archive: String) throws(ImportFailure) -> String {
        var name = raw
        while name.hasPrefix("./") { name.removeFirst(2) }
        if name.hasSuffix("/") { name.removeLast() }
        let shown = raw.count > 200 ? String(raw.prefix(200)) + "…" : raw
        if let problem = ArtifactPath.problem(with: name) {
            throw ImportFailure(
                "\(archive): the entry \"\(shown)\" is refused: \(problem) (it could be written outside the archive's folder); nothing was imported"
            )
        }
        return name
    }
}
