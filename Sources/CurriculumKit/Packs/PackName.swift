/// The checks every pack folder name gets before the writer touches the file system.
///
/// A pack folder is called `<programme>-<session>`. The rules (STR006) refuse IDs that could not be a file name,
/// but rules can be switched off, so the writer does not rely on them: a name that is not one plain path
/// component is refused here, whatever the rules said.
public enum PackName {
    /// The longest name most file systems take, in bytes.
    static let maximumBytes = 255

    /// Why a name cannot be a pack folder's name, or `nil` when it can.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "it names a folder that is not a new one" }
        if name.hasPrefix(".") { return "it starts with a dot, which the writer keeps for its own temporary files" }
        if name.contains("/") { return "it contains \"/\", so it would not be one folder inside the output folder" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "it contains a control character"
        }
        if name.utf8.count > maximumBytes { return "it is longer than \(maximumBytes) bytes" }
        return nil
    }
}
