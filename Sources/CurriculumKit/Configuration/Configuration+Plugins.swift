import CurriculumPluginKit
import Foundation

extension Configuration {
    /// The plugins the configuration lists, ready to run.
    ///
    /// Relative paths are taken from the configuration file's folder and must stay inside it (``ConfinedPath``):
    /// a program path with a `/`, an argument naming a file there (a script for an interpreter:
    /// `["python3", "tools/check.py"]`), and a `templates` option, whose folder is also checked by
    /// ``TemplateFolder``. Absolute paths and program names looked up on `PATH` are taken as written: they name
    /// programs installed on this machine, chosen by whoever decided to trust the configuration.
    ///
    /// - Parameter file: The configuration file; `nil` for one built in code (paths are then taken from the
    ///   current folder).
    /// - Throws: ``ConfigurationError`` for an entry that cannot be used; ``PluginFailure`` when a plugin `name`
    ///   matches no bundled or installed plugin.
    public func pluginSpecs(file: String?) throws -> [PluginSpec] {
        let label = file ?? NativeFormatName.configuration
        let folder =
            file.map { (CurriculumRoot.canonical($0) as NSString).deletingLastPathComponent }
            ?? CurriculumRoot.canonical(FileManager.default.currentDirectoryPath)
        var specs: [PluginSpec] = []
        for (index, entry) in plugins.enumerated() {
            let what = "plugins[\(index)]"
            var spec: PluginSpec
            if let command = entry.command, let program = command.first {
                let executable: String
                if program.hasPrefix("/") {
                    executable = program
                } else if program.contains("/") {
                    executable = try ConfinedPath.resolve(
                        program, in: folder, for: "\(what).command program", file: label)
                } else {
                    executable = PluginDiscovery.searchPath(for: program) ?? program
                }
                // Plugins run in a temporary folder, so arguments naming files beside the configuration are made
                // absolute.
                var arguments: [String] = []
                for argument in command.dropFirst() {
                    if !argument.hasPrefix("-") && !argument.hasPrefix("/") && !argument.isEmpty
                        && FileManager.default.fileExists(atPath: folder + "/" + argument)
                    {
                        arguments.append(
                            try ConfinedPath.resolve(
                                argument, in: folder, for: "\(what).command argument", file: label))
                    } else {
                        arguments.append(argument)
                    }
                }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: executable, isDirectory: &isFolder) else {
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).command names the program \(ArtifactPath.quoted(program)), which \(program.contains("/") ? "does not exist" : "is not on PATH")"
                    )
                }
                guard !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: executable) else {
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).command names \(ArtifactPath.quoted(executable)), which is not an executable file (chmod +x it, or name its interpreter first: [\"sh\", \"\(program)\"])"
                    )
                }
                let script = arguments.first { $0.hasPrefix("/") }.map(PluginDiscovery.displayName(of:))
                spec = PluginSpec(
                    name: entry.name ?? script ?? PluginDiscovery.displayName(of: executable),
                    executable: executable, arguments: arguments, origin: .configuration(label))
            } else if let name = entry.name {
                spec = try PluginDiscovery.resolve(name, origin: .configuration(label))
            } else {
                throw ConfigurationError(path: label, reason: "\(what) needs a name or a command")
            }
            spec.options = entry.options ?? [:]
            if let templates = spec.options["templates"] {
                guard case .string(let relative) = templates, !relative.isEmpty else {
                    throw ConfigurationError(path: label, reason: "\(what).options.templates must name a folder")
                }
                guard !relative.hasPrefix("/") else {
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).options.templates is the absolute path \(ArtifactPath.quoted(relative)); a configuration names a templates folder inside its own folder, relative to it"
                    )
                }
                let path = try ConfinedPath.resolve(relative, in: folder, for: "\(what).options.templates", file: label)
                if let problem = TemplateFolder.problem(with: path) {
                    throw ConfigurationError(path: label, reason: "\(what).options.templates \(path): \(problem)")
                }
                spec.options["templates"] = .string(path)
            }
            if let seconds = entry.timeoutSeconds {
                guard seconds > 0, seconds.isFinite, seconds <= Self.largestSeconds else {
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).timeoutSeconds is \(Self.shown(seconds)); it must be a number of seconds above 0 and at most \(Int(Self.largestSeconds))"
                    )
                }
                spec.limits.requestTimeout = .milliseconds(Int(seconds * 1000))
                spec.limits.handshakeTimeout = min(spec.limits.handshakeTimeout, spec.limits.requestTimeout)
            }
            for (name, value) in (entry.limits ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard value > 0, value.isFinite, value <= Self.largestLimit else {
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).limits.\(name) is \(Self.shown(value)); a limit must be above 0 and at most \(Int(Self.largestLimit)) (leave it out for the default)"
                    )
                }
                switch name {
                case "handshakeSeconds": spec.limits.handshakeTimeout = .milliseconds(Int(value * 1000))
                case "totalSeconds": spec.limits.requestDeadline = .milliseconds(Int(value * 1000))
                case "maxDiagnostics": spec.limits.maxDiagnostics = Int(value)
                case "maxLineMegabytes": spec.limits.maxLineBytes = Int(value * 1_048_576)
                case "maxOutputMegabytes": spec.limits.maxOutputBytes = Int(value * 1_048_576)
                case "stderrKilobytes": spec.limits.stderrTailBytes = Int(value * 1024)
                default:
                    throw ConfigurationError(
                        path: label,
                        reason:
                            "\(what).limits has the unknown limit \"\(name)\"; known: handshakeSeconds, totalSeconds, maxDiagnostics, maxLineMegabytes, maxOutputMegabytes, stderrKilobytes"
                    )
                }
            }
            specs.append(spec)
        }
        return specs
    }

    /// The largest time-out a configuration may set (a day): larger values overflow the clock arithmetic.
    static let largestSeconds = 86_400.0
    /// The largest size limit, in megabytes or kilobytes, a configuration may set.
    static let largestLimit = 1_048_576.0

    private static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
