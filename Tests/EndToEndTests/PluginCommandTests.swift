import Foundation
import Testing

/// Plugins as users meet them: `--plugin`, the configuration file, `plugins list`, `plugins check`, and an
/// installed copy of the toolkit.
@Suite struct PluginCommandTests {
    @Test func bundledRulePackRunsThroughTheProtocol() throws {
        let result = try CLI.run([
            "validate", CLI.fixture("bad/vague-link.xml"), "--plugin", "readability", "--format", "json",
        ])
        let json = try result.json()
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "ACC002" && $0["source"] as? String == "curriculum" })
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func pluginDiagnosticsAreMergedIntoEveryFormatAndCountTowardsTheExitCode() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = folder.appendingPathComponent("loud.sh")
        try """
        #!/bin/sh
        IFS= read -r _; printf '%s\\n' '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"loud","version":"1"},"capabilities":{"validate":{"rules":[{"code":"LOUD1","severity":"error","summary":"always"}]}}}}'
        IFS= read -r _; printf '%s\\n' '{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"error","code":"LOUD1","message":"the plugin objects","location":{"path":"mini.xml","line":3,"column":5}}]}}'
        """.write(to: plugin, atomically: true, encoding: .utf8)
        chmod(plugin.path, 0o755)
        for (format, needle) in [
            ("text", "mini.xml:3:5: error[LOUD1]: the plugin objects (loud)"),
            (
                "github",
                "::error file=Tests/EndToEndTests/Fixtures/valid/mini.xml,line=3,col=5,title=LOUD1::the plugin objects"
            ), ("sarif", "\"ruleId\" : \"LOUD1\""), ("junit", "<failure type=\"LOUD1\""),
        ] {
            let result = try CLI.run(["validate", CLI.fixture("valid"), "--plugin", plugin.path, "--format", format])
            #expect(result.status == 1, "\(format): \(result.stderr)")
            #expect(result.stdout.contains(needle), "\(format): \(result.stdout.prefix(2000))")
        }
    }

    @Test func pluginsListedInTheConfigurationRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: folder.appendingPathComponent("c").path)
        try #"{"plugins": [{"name": "readability"}], "rules": {"RDB004": "error"}}"#.write(
            to: folder.appendingPathComponent("c/curriculum.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("c/mini.xml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "<title>Welcome<t", with: "<title>WELCOME TO THE PARTNER DAY<t")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", folder.appendingPathComponent("c").path, "--trust-config"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("error[RDB004]"), "the configuration's severity applies to plugin codes too")
    }

    @Test func aStrayPrintInASwiftPluginDoesNotCorruptTheChannel() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("verbose.json")
        try #"{"plugins": [{"name": "readability", "options": {"verbose": true, "maxSentenceWords": 5}}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", CLI.fixture("valid"), "--config", config.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("readability: checked"))
        #expect(result.stdout.contains("warning[RDB001]"), "the options reached the plugin")
    }

    @Test func checkPassesAConformantPlugin() throws {
        let result = try CLI.run(["plugins", "check", "readability"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for name in [
            "handshake", "version refusal", "unknown method", "malformed request", "end of input", "diagnostics shape",
            "exit after validate",
        ] {
            #expect(result.stdout.contains("pass  \(name)"), "\(name): \(result.stdout)")
        }
        #expect(result.stdout.contains("7 passed, 0 failed"))
    }

    @Test func checkStopsAtAFailedHandshake() throws {
        let result = try CLI.run(["plugins", "check", CLI.fixture("plugins/faults/log-on-stdout.sh")])
        #expect(result.status == 3)
        #expect(result.stdout.contains("FAIL  handshake: plugin"))
        #expect(result.stdout.contains("0 passed, 1 failed"))
    }

    @Test func checkFailsANonConformantPluginAndSaysWhy() throws {
        let result = try CLI.run(["plugins", "check", CLI.fixture("plugins/conformance/sloppy.sh")])
        #expect(result.status == 3)
        #expect(result.stdout.contains("pass  handshake: sloppy 0.1"))
        #expect(
            result.stdout.contains(
                "FAIL  version refusal: expected error -32022 when offered only protocol version 999, got a result for id 1"
            ))
        #expect(result.stdout.contains("FAIL  unknown method: expected error -32601 with id 2, got error -32603"))
        #expect(result.stdout.contains("pass  end of input"))
        #expect(result.stdout.contains("2 passed, 4 failed"))
    }

    @Test func listShowsBundledPluginsWithTheirCapabilities() throws {
        let result = try CLI.run(["plugins", "list"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("readability 1.0.0 (protocol 1)"))
        #expect(result.stdout.contains("capabilities: validate(4 rules)"))
        #expect(result.stdout.contains("found: bundled"))
    }

    @Test func anInstalledCopyFindsItsPluginsFromAnUnrelatedFolder() throws {
        let prefix = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try CLI.run(
            [
                "install-files", "PREFIX=\(prefix.path)",
                "BUILD_DIR=\(URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path)",
            ],
            executable: "/usr/bin/make")
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let curricula = prefix.appendingPathComponent("work/Curricula")
        try FileManager.default.createDirectory(
            at: curricula.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Curricula"), to: curricula)
        let binary = prefix.appendingPathComponent("bin/curriculum").path
        let list = try CLI.run(["plugins", "list"], in: prefix.path, executable: binary)
        #expect(
            list.stdout.contains("found: bundled \(prefix.path)/libexec/curriculum/curriculum-plugin-readability")
                || list.stdout.contains("libexec/curriculum/curriculum-plugin-readability"), "\(list.stdout)")
        let validate = try CLI.run(
            ["validate", "Curricula"], in: curricula.deletingLastPathComponent().path, executable: binary)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        // Warnings, if any, are LIAISE's sessions not yet given in French (LNG002), as from the uninstalled binary.
        #expect(validate.stdout.contains("0 errors, "), "\(validate.stdout)")
    }
}
