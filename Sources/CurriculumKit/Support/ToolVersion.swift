/// The toolkit's version, reported by `--version`, in packs and in SARIF logs.
public enum ToolVersion {
    public static let current = "0.1.0"
    public static let name = "curriculum"
    public static let informationURI = "https://github.com/curriculumkit/curriculumkit"
}
