/// STR014: Folder entry not read. Reported by the folder search for an entry it passes over on purpose.
enum FolderEntryNotRead: Rule {
    static let descriptor = RuleDescriptor(
        code: "STR014", family: .structure, severity: .warning, title: "Folder entry not read",
        explanation:
            "A folder search passed over an entry it will not read: a symbolic link to a folder (links to folders are not followed, so a search stays inside the folder it was given and always ends), or a file or folder whose name is not valid UTF-8.",
        hint: "Name a linked folder on the command line to validate it; rename the entry in UTF-8.",
        phases: .loading,
        example: RuleExample(
            trigger: "curriculum validate Curricula/ where Curricula/shared is a symbolic link to ../shared",
            fix: "curriculum validate Curricula/ ../shared  (name the linked folder on the command line)"))
}
