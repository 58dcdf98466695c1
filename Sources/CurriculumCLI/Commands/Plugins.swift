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
                    curriculum-plugin-NAME programs on PATH.
                    """)

            @Option(
                help: ArgumentHelp(
                    "A configuration file whose plugins to include (default: ./curriculum.json if present).",
                    valueName: "FILE"))
            var config: String?

            func run() async throws {
                var specs: [PluginSpec] = []
                let file =
                    config
                    ?? (FileManager.default.fileExists(atPath: NativeFormatName.configuration)
                        ? NativeFormatName.configuration : nil)
                if let file {
                    guard let configuration = try Validate.loadConfiguration(file) else { return }
                    do throws(PluginFailure) {
                        specs += try PluginDiscovery.specs(from: configuration, file: file)
                    } catch { throw CommandFailure.tool(error.description) }
                }
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
                        output +=
                            "\(handshake.plugin.name) \(handshake.plugin.version) (protocol \(handshake.protocolVersion))\n"
                        output += "  capabilities: \(handshake.capabilities.summary.joined(separator: ", "))\n"
                        if let description = handshake.plugin.description { output += "  \(description)\n" }
                    case .failure(let failure):
                        failed += 1
                        output += "\(spec.name) — FAILED: \(failure.description)\n"
                    case .none: continue
                    }
                    output += "  found: \(spec.origin) \(spec.executable)\n"
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
                    requests, shutdown at end of input, the shape of diagnostics (validators) and artifact paths \
                    (exporters). Exits 0 only when every check passes, 3 otherwise.

                    Example: curriculum plugins check ./tools/curriculum-plugin-house-rules
                    """)

            @Argument(
                help: ArgumentHelp("The plugin: a path, or the NAME of curriculum-plugin-NAME.", valueName: "PLUGIN"))
            var plugin: String

            func run() async throws {
                let spec: PluginSpec
                do throws(PluginFailure) { spec = try PluginDiscovery.resolve(plugin) } catch {
                    throw CommandFailure.tool(error.description)
                }
                Terminal.standardOutput.write("Checking \(spec.executable)\n")
                let checks = await ConformanceSuite(spec: spec).run()
                var output = ""
                for check in checks {
                    output += "  \(check.passed ? "pass" : "FAIL")  \(check.name): \(check.detail)\n"
                }
                let failures = checks.filter { !$0.passed }.count
                output += "\(checks.count - failures) passed, \(failures) failed\n"
                Terminal.standardOutput.write(output)
                if failures > 0 { throw CommandFailure(exitCode: .toolFailure, message: "") }
            }
        }
    }
}
