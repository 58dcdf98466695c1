import CurriculumKit
import CurriculumPluginKit

/// The line of a help text that names the formats the installed plugins offer, read from the handshake cache so
/// that `--help` never starts a plugin.
///
/// ArgumentParser reads every subcommand's configuration to parse any command line, so the line is worked out only
/// when help is on screen: reading the cache for `curriculum validate` cost a sixth of its run.
enum InstalledFormatsHelp {
    static func line(kind: String, _ formats: (Capabilities) -> [String]) -> String {
        guard showsHelp(CommandLine.arguments) else { return "" }
        guard let known = HandshakeCache.knownFormats(formats) else {
            return "Installed \(kind): run `curriculum plugins list` to see them.\n\n"
        }
        let list = known.isEmpty ? "none" : TerminalText.escaped(known.joined(separator: ", "))
        return "Installed \(kind) (as last seen; `curriculum plugins list` asks them again): \(list).\n\n"
    }

    /// Whether a command line asks for help text: `--help`, `-h`, `help …`, or ArgumentParser's help dump (the
    /// manual pages are made from it).
    static func showsHelp(_ arguments: [String]) -> Bool {
        let words = arguments.dropFirst()
        guard let first = words.first else { return false }
        if first == "help" { return true }
        // Words after `--` are operands, never options.
        return words.prefix { $0 != "--" }.contains {
            $0 == "--help" || $0 == "-h" || $0 == "--experimental-dump-help"
        }
    }
}
