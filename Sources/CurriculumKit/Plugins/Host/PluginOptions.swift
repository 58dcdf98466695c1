import CurriculumModel
public import CurriculumPluginKit
import Foundation

/// Options for plugins from the command line, `--plugin-option NAME.KEY=VALUE`: the plugin named NAME (its name
/// as `curriculum plugins list` shows it) gets KEY in the `options` of its `initialize` and its request, over
/// whatever its configuration entry says.
///
/// VALUE is taken as JSON when it is JSON (`3`, `true`, `["a","b"]`, `"text"`), and as text otherwise. The
/// option `templates` names a folder and is made absolute from the current folder and checked like the
/// configuration's.
public struct PluginOptions: Sendable, Equatable {
    /// Options by plugin name.
    public private(set) var byPlugin: [String: [String: JSONValue]] = [:]

    /// No options.
    public init() {}

    /// Parses the command line's arguments.
    ///
    /// - Throws: ``CurriculumError`` with code `.usage` for an argument that is not `NAME.KEY=VALUE`, or a
    ///   templates folder that cannot be used.
    public init(parsing arguments: [String]) throws(CurriculumError) {
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw Self.malformed(argument) }
            let target = argument[..<equals]
            let text = String(argument[argument.index(after: equals)...])
            guard let dot = target.firstIndex(of: "."), dot != target.startIndex,
                target.index(after: dot) != target.endIndex
            else { throw Self.malformed(argument) }
            let name = String(target[..<dot])
            let key = String(target[target.index(after: dot)...])
            var value =
                (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? JSONValue.string(text)
            if key == "templates" {
                guard case .string(let folder) = value, !folder.isEmpty else {
                    throw CurriculumError(.usage, "--plugin-option \(name).templates must name a folder")
                }
                // Made absolute without resolving links, so the folder check can refuse a link.
                let absolute =
                    "/"
                    + PathArithmetic.normalise(
                        folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder)
                if let problem = TemplateFolder.problem(with: absolute) {
                    throw CurriculumError(
                        .usage, "--plugin-option \(name).templates \(TerminalText.escaped(folder)): \(problem)")
                }
                value = .string(absolute)
            }
            byPlugin[name, default: [:]][key] = value
        }
    }

    /// Adds one option.
    public mutating func set(_ key: String, _ value: JSONValue, for plugin: String) {
        byPlugin[plugin, default: [:]][key] = value
    }

    /// The names options were given for.
    public var names: Set<String> { Set(byPlugin.keys) }

    /// Refuses options for a plugin that takes no part in the run, so a misspelt name is not silently ignored.
    ///
    /// - Parameter plugins: The plugins of the run.
    /// - Throws: ``CurriculumError`` with code `.usage` naming the unknown plugin and the known ones.
    public func check(against plugins: [PluginSpec]) throws(CurriculumError) {
        let known = Set(plugins.flatMap { [$0.name, ($0.name as NSString).deletingPathExtension] })
        for name in names.sorted() where !known.contains(name) {
            let list = Set(plugins.map(\.name)).sorted().joined(separator: ", ")
            throw CurriculumError(
                .usage,
                "--plugin-option for \"\(TerminalText.escaped(name))\", but no plugin of that name takes part in this run (plugins: \(list.isEmpty ? "none" : TerminalText.escaped(list)))"
            )
        }
    }

    /// A spec with the options given for its name merged over its own. A plugin given by a path before its
    /// handshake is known by its file name, with or without an extension (`shouts.sh` or `shouts`).
    public func applied(to spec: PluginSpec, name: String? = nil) -> PluginSpec {
        let name = name ?? spec.name
        guard let options = byPlugin[name] ?? byPlugin[(name as NSString).deletingPathExtension] else { return spec }
        var spec = spec
        spec.options.merge(options) { _, new in new }
        return spec
    }

    private static func malformed(_ argument: String) -> CurriculumError {
        CurriculumError(
            .usage,
            "--plugin-option takes NAME.KEY=VALUE (for example html.templates=my-templates), not \"\(TerminalText.escaped(argument))\""
        )
    }
}
