import Foundation
import Testing

/// Discovery is lazy and remembered: only plugins that can serve the asked format are started, handshakes are
/// cached by path, size and modification time, and a plugin on `PATH` that fails is named once and not started
/// again until it changes.
@Suite struct PluginDiscoveryTests {
    /// A folder with `bin/` (on `PATH`, holding copies of the named discovery fixtures), `cache/` (the
    /// `XDG_CACHE_HOME`) and room for the fixtures' start records (`TMPDIR`).
    struct Sandbox {
        let folder: URL
        var bin: URL { folder.appendingPathComponent("bin") }
        var cacheFile: URL { folder.appendingPathComponent("cache/curriculumkit/handshakes.json") }

        init(plugins: [String]) throws {
            folder = try CLI.temporaryFolder()
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            for plugin in plugins {
                try FileManager.default.copyItem(
                    atPath: CLI.fixture("plugins/discovery/" + plugin),
                    toPath: bin.appendingPathComponent(plugin).path)
            }
        }

        func pack(format: String, arguments: [String] = []) throws -> CLI.Result {
            try CLI.run(
                [
                    "pack", CLI.fixture("valid/mini.xml"), "--format", format, "--out",
                    folder.appendingPathComponent("packs").path,
                ] + arguments,
                environment: [
                    "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                    "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "TMPDIR": folder.path,
                ])
        }

        /// How many times a fixture was started.
        func starts(_ name: String) -> Int {
            let text =
                (try? String(contentsOf: folder.appendingPathComponent(name + ".started"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").count
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func aHangingPluginOnPathIsNotStartedWhenABundledExporterServesTheFormat() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-hangs"])
        defer { sandbox.remove() }
        let result = try sandbox.pack(format: "md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sandbox.starts("hangs") == 0)
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    @Test func aFailingPluginOnPathIsNamedOnceAndNotStartedAgainUntilItChanges() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-hangs"])
        defer { sandbox.remove() }
        let first = try sandbox.pack(format: "csv")
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stderr.contains(#"plugin "hangs" did not answer within 3 s while answering initialize"#))
        #expect(first.stderr.contains("it will not be started again until it changes"), "\(first.stderr)")
        #expect(first.stderr.contains(#"no exporter for the format "csv""#))
        #expect(first.stderr.contains("curriculum-plugin-NAME on PATH"), "the message says how to add one")
        #expect(sandbox.starts("hangs") == 1)
        let second = try sandbox.pack(format: "csv")
        #expect(second.status == 2)
        #expect(!second.stderr.contains("did not answer"), "\(second.stderr)")
        #expect(sandbox.starts("hangs") == 1, "the remembered failure keeps it from being started")
        let script = sandbox.bin.appendingPathComponent("curriculum-plugin-hangs")
        try (String(contentsOf: script, encoding: .utf8) + "# changed\n").write(
            to: script, atomically: false, encoding: .utf8)
        _ = try sandbox.pack(format: "csv")
        #expect(sandbox.starts("hangs") == 2, "a changed plugin is asked again")
    }

    @Test func aCachedHandshakeIsNotAskedAgain() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-counted"])
        defer { sandbox.remove() }
        let first = try sandbox.pack(format: "counted")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(sandbox.starts("counted") == 2, "a handshake, then the export")
        let second = try sandbox.pack(format: "counted")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(sandbox.starts("counted") == 3, "only the export")
    }

    /// A plugin asked for by name, with no arguments or options of its own, starts exactly as discovery starts it,
    /// so it shares the remembered handshake instead of being asked again on every run.
    @Test func aPluginNamedOnTheCommandLineUsesTheCachedHandshakeToo() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-counted"])
        defer { sandbox.remove() }
        let first = try sandbox.pack(format: "counted", arguments: ["--plugin", "counted"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(sandbox.starts("counted") == 2, "a handshake, then the export")
        let second = try sandbox.pack(format: "counted", arguments: ["--plugin", "counted"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(sandbox.starts("counted") == 3, "only the export")
    }

    @Test func aCorruptCacheIsIgnoredAndReplaced() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-counted"])
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(
            at: sandbox.cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"core\": [not json".utf8).write(to: sandbox.cacheFile)
        let result = try sandbox.pack(format: "counted")
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: sandbox.cacheFile)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(
            (object?["entries"] as? [String: Any])?.keys.contains { $0.hasSuffix("curriculum-plugin-counted") } == true)
    }

    @Test func helpTextsListTheInstalledFormatsWithoutStartingAPlugin() throws {
        let sandbox = try Sandbox(plugins: ["curriculum-plugin-counted"])
        defer { sandbox.remove() }
        let environment = [
            "PATH": sandbox.bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "XDG_CACHE_HOME": sandbox.folder.appendingPathComponent("cache").path, "TMPDIR": sandbox.folder.path,
        ]
        let cold = try CLI.run(["pack", "--help"], environment: environment)
        #expect(
            cold.stdout.contains("Installed exporters: run `curriculum plugins list` to see them."), "\(cold.stdout)")
        #expect(sandbox.starts("counted") == 0, "help starts no plugin")
        _ = try sandbox.pack(format: "counted")
        let warm = try CLI.run(["pack", "--help"], environment: environment)
        #expect(warm.stdout.contains("counted, html, ics, imscc, md, pdf."), "\(warm.stdout)")
        // The line is worked out only when help is shown (ArgumentParser reads every command's help text to parse
        // any command line); `help pack` shows it too.
        let asked = try CLI.run(["help", "pack"], environment: environment)
        #expect(asked.stdout.contains("counted, html, ics, imscc, md, pdf."), "\(asked.stdout)")
        let imports = try CLI.run(["import", "--help"], environment: environment)
        #expect(imports.stdout.contains("Installed importers"), "\(imports.stdout)")
    }

    @Test func packTakesAPluginOnTheCommandLine() throws {
        let sandbox = try Sandbox(plugins: [])
        defer { sandbox.remove() }
        let result = try CLI.run(
            [
                "pack", CLI.fixture("valid/mini.xml"), "--format", "counted", "--plugin",
                CLI.fixture("plugins/discovery/curriculum-plugin-counted"), "--out",
                sandbox.folder.appendingPathComponent("packs").path,
            ], environment: ["TMPDIR": sandbox.folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(1 file: counted)"), "\(result.stdout)")
    }
}
