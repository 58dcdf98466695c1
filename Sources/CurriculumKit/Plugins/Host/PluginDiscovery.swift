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

    static func searchPath(for program: String) -> String? {
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
