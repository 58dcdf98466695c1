import ArgumentParser
import CurriculumKit
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Plugins: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List plugins, or check that a plugin follows the protocol.",
            subcommands: [List.self, Check.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Handshake with every plugin that can be found and show what each can do.",
                discussion: """
                    Plugins are found, in order: the `plugins` of the configuration file (--config, or ./curriculum.json), \
                    the bundled plugins beside the curriculum binary or in PREFIX/libexec/curriculum, and \
                    curriculum-plugin-NAME programs on PATH. Names, descriptions and messages are the plugins' own \
                    words; the `found:` line says where each one really is.
                    """)

            @OptionGroup var configuration: ConfigurationOptions

            func run() async throws {
                var specs: [PluginSpec] = []
                let log = ConfigurationLog()
                // The current folder's curriculum.json is inside the current folder, so it is always trusted.
                let file =
                    configuration.config
                    ?? (FileManager.default.fileExists(atPath: NativeFormatName.configuration)
                        ? NativeFormatName.configuration : nil)
                if let file {
                    log.record(CurriculumRoot.canonical(file), configuration.config == nil ? .used : .given)
                    specs += try Configuration.load(from: file).pluginSpecs(file: file)
                }
                Terminal.standardError.write(ConfigurationReport.text(log, textMode: true))
                specs += PluginDiscovery.installed().filter { installed in
                    !specs.contains { $0.executable == installed.executable }
                }
                let results = await withTaskGroup(of: (Int, Result<InitializeResult, PluginFailure>).self) { group in
                    for (index, spec) in specs.enumerated() {
                        group.addTask {
                            do throws(PluginFailure) {
                                return (index, .success(try await PluginHost().handshake(spec)))
                            } catch { return (index, .failure(error)) }
                        }
                    }
                    return await group.reduce(into: [Int: Result<InitializeResult, PluginFailure>]()) {
                        $0[$1.0] = $1.1
                    }
                }
                var output = specs.isEmpty ? "No plugins found.\n" : ""
                var failed = 0
                for (index, spec) in specs.enumerated() {
                    switch results[index] {
                    case .success(let handshake):
                        let name = TerminalText.escaped(handshake.plugin.name)
                        let version = TerminalText.escaped(handshake.plugin.version)
                        output += "\(name) \(version) (protocol \(handshake.protocolVersion))\n"
                        output +=
                            "  capabilities: \(TerminalText.escaped(handshake.capabilities.summary.joined(separator: ", ")))\n"
                        if let description = handshake.plugin.description {
                            output += "  \(TerminalText.escaped(description))\n"
                        }
                    case .failure(let failure):
                        failed += 1
                        output += "\(TerminalText.escaped(spec.name)) — FAILED: \(failure.description)\n"
                    case .none: continue
                    }
                    output +=
                        "  found: \(TerminalText.escaped(spec.origin.description)) \(TerminalText.escaped(spec.executable))\n"
                }
                Terminal.standardOutput.write(output)
                if failed > 0 {
                    throw CommandFailure(
                        exitCode: .toolFailure,
                        message: "\(failed) plugin\(failed == 1 ? "" : "s") failed the handshake")
                }
            }
        }

        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run the conformance suite against a plugin.",
                discussion: """
                    Checks the handshake, refusal of an unsupported protocol version, unknown methods, malformed \
                    requests, shutdown at end of input and after a real request, the shape of diagnostics \
                    (validators), artifact paths and determinism (exporters: two runs, byte-compared), and with \
                    --fixture the exact findings or artifacts expected. Exits 0 only when every check passes, 3 \
                    otherwise.

                    Example: curriculum plugins check ./tools/curriculum-plugin-house-rules
                    """)

            @Argument(
                help: ArgumentHelp("The plugin: a path, or the NAME of curriculum-plugin-NAME.", valueName: "PLUGIN"))
            var plugin: String

            @Option(
                help: ArgumentHelp(
                    "A folder with a curriculum built to trigger the plugin and expected.json with the findings or artifacts it must give; used instead of the built-in sample.",
                    valueName: "DIR"))
            var fixture: String?

            @Option(
                name: .customLong("dump-requests"),
                help: ArgumentHelp(
                    "Write the exact requests the checks send (initialize.json, validate.json, export-FORMAT.json) into this folder.",
                    valueName: "DIR"))
            var dumpRequests: String?

            @OptionGroup var pluginOptions: PluginOptionArguments

            func run() async throws {
                let options = try pluginOptions.parsed()
                let resolved = try PluginDiscovery.resolve(plugin)
                let spec = options.applied(to: resolved)
                Terminal.standardOutput.write("Checking \(TerminalText.escaped(spec.executable))\n")
                let checks = try await ConformanceSuite(spec: spec, fixture: fixture, dumpFolder: dumpRequests).run()
                var output = ""
                for check in checks {
                    output +=
                        "  \(check.passed ? "pass" : "FAIL")  \(check.name): \(TerminalText.escaped(check.detail))\n"
                }
                let failures = checks.filter { !$0.passed }.count
                output += "\(checks.count - failures) passed, \(failures) failed\n"
                Terminal.standardOutput.write(output)
                if failures > 0 { throw CommandFailure(exitCode: .toolFailure, message: "") }
            }
        }
    }
}
