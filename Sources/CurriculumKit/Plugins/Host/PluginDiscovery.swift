import CurriculumPluginKit
import Foundation

/// Finds plugins: `--plugin`, the configuration file's `plugins`, the bundled plugins beside the binary, and
/// `curriculum-plugin-<name>` on `PATH`, in that order.
public enum PluginDiscovery {
    /// The prefix of plugin executables.
    public static let executablePrefix = "curriculum-plugin-"

    /// Folders holding bundled plugins: the binary's own folder, and `../libexec/curriculum` beside it (the
    /// layout `make install` creates).
    public static func bundledFolders() -> [String] {
        let executable = CurriculumRoot.canonical(Bundle.main.executablePath ?? CommandLine.arguments[0])
        let folder = (executable as NSString).deletingLastPathComponent
        let libexec = CurriculumRoot.canonical(folder + "/../libexec/curriculum")
        return [folder, libexec]
    }

    /// Resolves a `--plugin` argument: a path to an executable, or a plugin name.
    ///
    /// - Throws: ``PluginFailure`` with `.notFound` when a name matches no bundled or installed plugin.
    public static func resolve(
        _ argument: String, origin: PluginSpec.Origin = .commandLine
    ) throws(PluginFailure) -> PluginSpec {
        if argument.contains("/") || FileManager.default.fileExists(atPath: argument) {
            let path = CurriculumRoot.canonical(argument)
            return PluginSpec(name: displayName(of: path), executable: path, origin: origin)
        }
        guard let found = find(named: argument) else {
            throw PluginFailure(
                plugin: argument, executable: executablePrefix + argument, action: "looking it up", reason: .notFound,
                stderrTail: "")
        }
        return PluginSpec(
            name: argument, executable: found.path,
            origin: origin == .path || origin == .bundled ? found.origin : origin)
    }

    /// The plugins listed in a configuration file.
    public static func specs(from configuration: Configuration, file: String?) throws(PluginFailure) -> [PluginSpec] {
        let folder =
            file.map { ((CurriculumRoot.canonical($0)) as NSString).deletingLastPathComponent }
            ?? FileManager.default.currentDirectoryPath
        var specs: [PluginSpec] = []
        for entry in configuration.plugins {
            var spec: PluginSpec
            if let command = entry.command, let program = command.first {
                let executable =
                    program.contains("/")
                    ? CurriculumRoot.canonical(program.hasPrefix("/") ? program : folder + "/" + program)
                    : (searchPath(for: program) ?? program)
                // Plugins run in a temporary folder, so arguments naming files beside the configuration (a script
                // for an interpreter: ["python3", "tools/check.py"]) are made absolute.
                let arguments = command.dropFirst().map { argument in
                    !argument.hasPrefix("-") && !argument.hasPrefix("/")
                        && FileManager.default.fileExists(atPath: folder + "/" + argument)
                        ? CurriculumRoot.canonical(folder + "/" + argument) : argument
                }
                let script = arguments.first { $0.hasPrefix("/") }.map(displayName(of:))
                spec = PluginSpec(
                    name: entry.name ?? script ?? displayName(of: executable), executable: executable,
                    arguments: arguments,
                    origin: .configuration(file ?? NativeFormatName.configuration))
            } else if let name = entry.name {
                spec = try resolve(name, origin: .configuration(file ?? NativeFormatName.configuration))
            } else {
                throw PluginFailure(
                    plugin: "?", executable: "", action: "reading \(file ?? "the configuration")",
                    reason: .launchFailed("a plugins entry needs a name or a command"), stderrTail: "")
            }
            spec.options = entry.options ?? [:]
            if let seconds = entry.timeoutSeconds, seconds > 0 {
                spec.limits.requestTimeout = .milliseconds(Int(seconds * 1000))
                spec.limits.handshakeTimeout = min(spec.limits.handshakeTimeout, spec.limits.requestTimeout)
            }
            for (name, value) in entry.limits ?? [:] where value > 0 {
                switch name {
                case "handshakeSeconds": spec.limits.handshakeTimeout = .milliseconds(Int(value * 1000))
                case "maxLineMegabytes": spec.limits.maxLineBytes = Int(value * 1_048_576)
                case "maxOutputMegabytes": spec.limits.maxOutputBytes = Int(value * 1_048_576)
                case "stderrKilobytes": spec.limits.stderrTailBytes = Int(value * 1024)
                default:
                    throw PluginFailure(
                        plugin: spec.name, executable: spec.executable,
                        action: "reading \(file ?? "the configuration")",
                        reason: .launchFailed(
                            "unknown limit \"\(name)\"; known: handshakeSeconds, maxLineMegabytes, maxOutputMegabytes, stderrKilobytes"
                        ),
                        stderrTail: "")
                }
            }
            specs.append(spec)
        }
        return specs
    }

    /// Every plugin that can be found without a configuration: bundled ones, then those on `PATH`.
    public static func installed() -> [PluginSpec] {
        var seen = Set<String>()
        var specs: [PluginSpec] = []
        for (folder, origin) in bundledFolders().map({ ($0, PluginSpec.Origin.bundled) })
            + pathFolders().map({ ($0, PluginSpec.Origin.path) })
        {
            for path in executables(in: folder) where seen.insert(CurriculumRoot.canonical(path)).inserted {
                specs.append(PluginSpec(name: displayName(of: path), executable: path, origin: origin))
            }
        }
        return specs
    }

    // MARK: - Helpers

    private static func find(named name: String) -> (path: String, origin: PluginSpec.Origin)? {
        let file = executablePrefix + name
        for folder in bundledFolders() where FileManager.default.isExecutableFile(atPath: folder + "/" + file) {
            return (folder + "/" + file, .bundled)
        }
        for folder in pathFolders() where FileManager.default.isExecutableFile(atPath: folder + "/" + file) {
            return (folder + "/" + file, .path)
        }
        return nil
    }

    private static func searchPath(for program: String) -> String? {
        pathFolders().map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func pathFolders() -> [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init).filter {
            !$0.isEmpty
        }
    }

    private static func executables(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(executablePrefix) && !$0.contains(".") }.sorted().map { folder + "/" + $0 }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `readability` for `…/curriculum-plugin-readability`, the file name otherwise.
    static func displayName(of path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasPrefix(executablePrefix) ? String(file.dropFirst(executablePrefix.count)) : file
    }
}
