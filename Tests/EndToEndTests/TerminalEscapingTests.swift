import Foundation
import Testing

/// File names, curriculum content and everything a plugin says are printed with control characters escaped
/// (`\n`, `\u{1b}`), so none of them can fake a diagnostic line or act on the terminal.
@Suite struct TerminalEscapingTests {
    static let hostile = CLI.fixture("plugins/hostile/hostile.sh")

    /// No raw ESC, BEL or CSI, no line that starts like an injected diagnostic, and the plugin's name does not
    /// break into a line that imitates the bundled readability plugin.
    static func expectHarmless(_ text: String, _ context: String) {
        #expect(!text.unicodeScalars.contains { [0x07, 0x1B, 0x9B].contains($0.value) }, "\(context): \(text)")
        for line in text.split(separator: "\n") {
            #expect(!line.hasPrefix("fake.xml"), "\(context): a forged line \(line)")
        }
        #expect(!text.contains("evil\nreadability"), "\(context): a forged plugin line")
    }

    @Test func aFileNameWithControlCharactersIsEscapedInEveryTextOutput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "bad\n\u{1b}]0;title\u{7}.xml"
        try FileManager.default.copyItem(
            atPath: CLI.fixture("bad/duration-bare-number.xml"), toPath: folder.appendingPathComponent(name).path)
        let text = try CLI.run(["validate", folder.path])
        #expect(text.status == 1)
        Self.expectHarmless(text.stdout, "text")
        #expect(text.stdout.contains(#"bad\n\u{1b}]0;title\u{7}.xml:22:9: error[TIM001]"#), "\(text.stdout)")
        let github = try CLI.run(["validate", folder.path, "--format", "github"])
        Self.expectHarmless(github.stdout, "github")
        #expect(
            github.stdout.contains(#"bad%0A\u{1b}]0;title\u{7}.xml,line=22,col=9,title=TIM001::"#), "\(github.stdout)")
        let show = try CLI.run(["show", folder.appendingPathComponent(name).path])
        Self.expectHarmless(show.stderr, "show")
        #expect(show.stderr.contains(#"bad\n\u{1b}]0;title\u{7}.xml"#))
    }

    @Test func aPluginsNameLogsAndMessagesAreEscaped() throws {
        let result = try CLI.run(["validate", CLI.fixture("valid"), "--plugin", Self.hostile])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectHarmless(result.stdout, "stdout")
        Self.expectHarmless(result.stderr, "stderr")
        #expect(
            result.stdout.contains(
                #"said \u{1b}]0;pwned\u{7}\nfake.xml:2:1: error[MSG999]: injected (evil)"#
            ),
            "\(result.stdout)")
        #expect(result.stdout.contains(#"hint: tab\there\u{9b}31m"#))
        #expect(result.stderr.contains(#"warning: \u{1b}]0;pwned\u{7}\nfake.xml:1:1: error[LOG999]: injected"#))
    }

    @Test func pluginsListEscapesTheHandshakeAndSaysWhereEachPluginIs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["\#(Self.hostile)"]}]}"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["plugins", "list", "--config", config.path])
        Self.expectHarmless(result.stdout, "plugins list")
        #expect(result.stdout.contains(#"evil 6.6\u{1b}[2J (protocol 1)"#))
        #expect(result.stdout.contains("  found: config \(config.path) \(Self.hostile)"))
    }

    @Test func aFailingPluginsStandardErrorIsEscapedInTheFailureReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["\#(Self.hostile)"], "options": {"fail": "yes"}}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", CLI.fixture("valid"), "--config", config.path])
        #expect(result.status == 3, "\(result.stderr)")
        Self.expectHarmless(result.stderr, "failure report")
        #expect(result.stderr.contains(#"plugin "evil" exited with status 3"#))
        #expect(result.stderr.contains(#"    | fake.xml:3:1: error[ERR999]: injected \u{1b}]0;pwned\u{7}"#))
    }

    @Test func showEscapesControlCharactersInTheContent() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: folder.appendingPathComponent("c").path)
        let programme = folder.appendingPathComponent("c/mini.xml")
        let text = try String(contentsOf: programme, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "<title>Welcome<t", with: "<title>Welcome&#x9b;2J&#x202e;gnp.exe<t")
        #expect(changed != text)
        try changed.write(to: programme, atomically: true, encoding: .utf8)
        let result = try CLI.run(["show", programme.path, "--session", "s1"])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectHarmless(result.stdout, "show")
        #expect(result.stdout.contains(#"Welcome\u{9b}2J\u{202e}gnp.exe"#), "\(result.stdout)")
    }
}
