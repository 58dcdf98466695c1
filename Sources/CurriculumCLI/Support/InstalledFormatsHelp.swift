import CurriculumKit
import CurriculumPluginKit

/// The line of a help text that names the formats the installed plugins offer, read from the handshake cache so
/// that `--help` never starts a plugin.
enum InstalledFormatsHelp {
    static func line(kind: String, _ formats: (Capabilities) -> [String]) -> String {
        guard let known = HandshakeCache.knownFormats(formats) else {
            return "Installed \(kind): run `curriculum plugins list` to see them.\n\n"
        }
        let list = known.isEmpty ? "none" : TerminalText.escaped(known.joined(separator: ", "))
        return "Installed \(kind) (as last seen; `curriculum plugins list` asks them again): \(list).\n\n"
    }
}
