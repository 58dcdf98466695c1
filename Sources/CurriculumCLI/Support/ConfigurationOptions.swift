import ArgumentParser
import CurriculumKit
import CurriculumPluginKit
import Foundation

/// `--config` and `--trust-config`, shared by every command that reads a curriculum's configuration, and the
/// line each run prints to say which configuration it used.
struct ConfigurationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A configuration file to use instead of each curriculum root's curriculum.json (it is trusted: its plugins run).",
            valueName: "FILE"))
    var config: String?

    @Flag(
        name: .customLong("trust-config"),
        help: """
            Use a curriculum.json found beside the curriculum even when it is outside the current folder and its \
            repository (it can run programs).
            """)
    var trustConfig = false

    /// Which configurations found beside curricula are used.
    var trust: ConfigurationTrust { .workingFolder(trustingEveryConfiguration: trustConfig) }

    /// The `--config` file, read; a bad file is a configuration error (exit 2).
    func given() throws(CommandFailure) -> Configuration? {
        guard let config else { return nil }
        do throws(ConfigurationError) {
            return try Configuration.load(from: config)
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }

    /// A validator that applies these options.
    func validator(
        commandLinePolicy: SeverityPolicy = SeverityPolicy(), plugins: [PluginSpec] = [],
        observer: (any PluginObserver)? = nil, log: ConfigurationLog, pluginOptions: PluginOptions = PluginOptions()
    ) throws(CommandFailure) -> Validator {
        var validator = Validator(
            commandLinePolicy: commandLinePolicy, configuration: try given(), configurationFile: config,
            plugins: plugins, observer: observer, trust: trust, configurationLog: log)
        validator.pluginOptions = pluginOptions
        return validator
    }

    /// The plugins of the configuration that applies to a curriculum root (`--config`, or its trusted
    /// `curriculum.json`), recorded in the log.
    func plugins(for root: CurriculumRoot, log: ConfigurationLog) throws(CommandFailure) -> [PluginSpec] {
        let file: String
        if let config {
            file = config
            log.record(CurriculumRoot.canonical(config), .given)
        } else {
            let path = root.absolute(NativeFormatName.configuration)
            guard FileManager.default.fileExists(atPath: path) else { return [] }
            guard trust.trusts(path) else {
                log.record(path, .untrusted)
                return []
            }
            log.record(path, .used)
            file = path
        }
        do {
            return try Configuration.load(from: file).pluginSpecs(file: file)
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// `--plugin-option NAME.KEY=VALUE`, shared by validate, pack and import.
struct PluginOptionArguments: ParsableArguments {
    @Option(
        name: .customLong("plugin-option"),
        help: ArgumentHelp(
            "An option for one plugin, by its name: NAME.KEY=VALUE (VALUE as JSON when it is JSON, else text); repeatable. Overrides the configuration's options.",
            valueName: "NAME.KEY=VALUE"))
    var values: [String] = []

    /// The parsed options; a malformed one is a usage error (exit 2).
    func parsed() throws(CurriculumError) -> PluginOptions { try PluginOptions(parsing: values) }
}

/// What a run tells about the configurations it used, on standard error.
enum ConfigurationReport {
    /// One line per configuration in text mode (`configuration: FILE`, or `configuration: none`), and a warning
    /// for each configuration that was not trusted, in every mode.
    static func text(_ log: ConfigurationLog, textMode: Bool) -> String {
        var text = ""
        let files = log.files
        for entry in files {
            let shown = TerminalText.escaped(DisplayPath.of(entry.file))
            switch entry.decision {
            case .given:
                if textMode { text += "configuration: \(shown) (--config)\n" }
            case .used:
                if textMode { text += "configuration: \(shown)\n" }
            case .untrusted:
                text +=
                    "warning: configuration \(shown) was not used: it is outside the current folder and its repository, so its plugins were not run and its rule settings and templates do not apply. To use it, pass --trust-config, or --config \(shown)\n"
            }
        }
        if textMode && files.allSatisfy({ $0.decision == .untrusted }) { text += "configuration: none\n" }
        return text
    }
}
