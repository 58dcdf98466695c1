import Foundation
import Testing

/// A `curriculum.json` that arrived with a curriculum runs nothing and changes nothing unless it is trusted:
/// inside the current folder or its repository, named with `--config`, or allowed with `--trust-config`.
@Suite struct ConfigurationTrustTests {
    /// A copy of the small valid curriculum in a fresh folder outside the current one, with a configuration whose
    /// plugin (a script beside it) leaves a marker file when it runs.
    static func partnerCurriculum() throws -> (folder: URL, curriculum: URL, marker: URL) {
        let folder = try CLI.temporaryFolder()
        let curriculum = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: curriculum.path)
        let marker = folder.appendingPathComponent("MARKER")
        let script = curriculum.appendingPathComponent("tools/house-rules.sh")
        try FileManager.default.createDirectory(
            at: script.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\ntouch '\(marker.path)'\nexit 1\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try #"{"plugins": [{"command": ["tools/house-rules.sh"]}], "rules": {"TIM001": "off"}}"#.write(
            to: curriculum.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        return (folder, curriculum, marker)
    }

    @Test func aConfigurationBesideACurriculumOutsideTheCurrentFolderRunsNoPlugin() throws {
        let (folder, curriculum, marker) = try Self.partnerCurriculum()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs: [[String]] = [
            ["validate", curriculum.path],
            ["validate", curriculum.path, "--format", "json"],
            ["pack", curriculum.path, "--format", "md", "--out", folder.appendingPathComponent("out").path],
            ["show", curriculum.path],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: marker.path), "\(arguments) ran the partner's program")
            #expect(result.stderr.contains("warning: configuration \(curriculum.path)/curriculum.json was not used"))
            #expect(result.stderr.contains("pass --trust-config"), "the warning says how to trust it")
        }
        let trusted = try CLI.run(["validate", curriculum.path, "--trust-config"])
        #expect(trusted.status == 3, "with --trust-config the plugin runs (and fails): \(trusted.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func theCurrentFolderAndTheConfigFlagAreTrusted() throws {
        let (folder, curriculum, marker) = try Self.partnerCurriculum()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inside = try CLI.run(["validate", "c"], in: folder.path)
        #expect(inside.status == 3, "\(inside.stderr)")
        #expect(inside.stderr.contains("configuration: c/curriculum.json\n"))
        #expect(FileManager.default.fileExists(atPath: marker.path))
        try FileManager.default.removeItem(at: marker)
        let given = try CLI.run([
            "validate", CLI.fixture("valid"), "--config", curriculum.appendingPathComponent("curriculum.json").path,
        ])
        #expect(given.status == 3, "\(given.stderr)")
        #expect(given.stderr.contains("curriculum.json (--config)"))
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func anUntrustedConfigurationSwitchesNoRuleOff() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curriculum = folder.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: curriculum, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.fixture("bad/duration-bare-number.xml"),
            toPath: curriculum.appendingPathComponent("course.xml").path)
        try #"{"ignore": ["TIM001"]}"#.write(
            to: curriculum.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        let untrusted = try CLI.run(["validate", curriculum.path])
        #expect(untrusted.status == 1, "the rule still applies: \(untrusted.stdout)")
        #expect(untrusted.stdout.contains("error[TIM001]"))
        let trusted = try CLI.run(["validate", curriculum.path, "--trust-config"])
        #expect(!trusted.stdout.contains("TIM001"), "a trusted configuration's settings apply")
    }

    @Test func theConfigurationLineIsPrintedInTextModeOnly() throws {
        let text = try CLI.run(["validate", CLI.fixture("valid")])
        #expect(text.stderr.contains("configuration: none\n"))
        let curricula = try CLI.run(["validate", "Curricula/liaise"])
        #expect(curricula.stderr.contains("configuration: Curricula/curriculum.json\n"), "\(curricula.stderr)")
        let json = try CLI.run(["validate", CLI.fixture("valid"), "--format", "json"])
        #expect(!json.stderr.contains("configuration:"))
    }

    @Test(arguments: [
        (#"{"plugins": [{"command": ["../outside.sh"]}]}"#, "climbs out"),
        (#"{"plugins": [{"command": ["/bin/sh", "../outside.sh"]}]}"#, "climbs out"),
        (#"{"plugins": [{"options": {}}]}"#, "needs a name or a command"),
        (#"{"plugins": [{"command": ["/bin/true"], "limits": {"wallClock": 3}}]}"#, "unknown limit"),
        (#"{"plugins": [{"name": "html", "options": {"templates": "/etc"}}]}"#, "absolute path"),
        (#"{"plugins": [{"name": "html", "options": {"templates": "../t"}}]}"#, "climbs out"),
        (#"{"plugins": [{"name": "html", "options": {"templates": "linked"}}]}"#, "symbolic link"),
        (#"{"plugins": [{"name": "html", "options": {"templates": "t"}}]}"#, "symbolic link"),
        (#"{"rules": {"TIM001": "loud"}}"#, "severity"),
    ])
    func aConfigurationThatCannotBeUsedIsAConfigurationError(configuration: String, reason: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curriculum = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: curriculum.path)
        try "#!/bin/sh\nexit 0\n".write(
            to: folder.appendingPathComponent("outside.sh"), atomically: true, encoding: .utf8)
        let templates = folder.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: curriculum.appendingPathComponent("linked").path, withDestinationPath: templates.path)
        let inside = curriculum.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: inside.appendingPathComponent("styles.css").path, withDestinationPath: "/etc/passwd")
        try configuration.write(
            to: curriculum.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        for command in [["validate", curriculum.path], ["pack", curriculum.path, "--out", out.path]] {
            let result = try CLI.run(command + ["--trust-config"])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(reason), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aTemplatesFolderHoldingALinkToAFileOutsideIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: templates.appendingPathComponent("cover.mustache").path, withDestinationPath: "/etc/passwd")
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", CLI.fixture("valid"), "--format", "html", "--templates", templates.path, "--out", out.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\"cover.mustache\", a symbolic link"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing was exported or written")
    }
}
