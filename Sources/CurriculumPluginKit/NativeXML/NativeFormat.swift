/// Facts about the native curriculum format.
public enum NativeFormat {
    /// The namespace of every element of the format.
    public static let namespace = "urn:curriculumkit:curriculum:1"
    /// The format version written by this toolkit.
    public static let version = "1.0"
    /// The root elements a curriculum document may have.
    public static let rootElements: Set<String> = ["programme", "module", "session", "case-study", "delivery"]
    /// The name of the per-folder configuration file, which also marks the curriculum root.
    public static let configurationFileName = "curriculum.json"

    /// Whether a `format-version` value can be read: any 1.x.
    public static func supports(version: String) -> Bool {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "1", let minor = Int(parts[1]), minor >= 0 else { return false }
        return true
    }
}
