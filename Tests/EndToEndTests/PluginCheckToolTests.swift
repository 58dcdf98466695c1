import Foundation
import Testing

/// `curriculum plugins check` as a plugin author's test tool: fixtures with expected findings or artifacts, the
/// exact requests it sends, a determinism check for exporters and an exit check after a real request.
@Suite struct PluginCheckToolTests {
    static let examples = CLI.packageRoot.appendingPathComponent("Plugins/examples")
    static let shouts = CLI.fixture("plugins/answers/shouts.sh")
    static let shoutFixture = CLI.fixture("plugins/conformance/shout-fixture")

    @Test(arguments: [
        ("python/curriculum-plugin-agenda-shape", "fixtures/agenda-shape", "fixture findings"),
        ("shell/curriculum-plugin-placeholders", "fixtures/placeholders", "fixture findings"),
        ("node/curriculum-plugin-agenda-csv", "fixtures/agenda-csv", "fixture artifacts (csv)"),
    ])
    func everyExamplePluginPassesItsOwnFixture(plugin: String, fixture: String, check: String) throws {
        let result = try CLI.run([
            "plugins", "check", Self.examples.appendingPathComponent(plugin).path, "--fixture",
            Self.examples.appendingPathComponent(fixture).path,
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("  pass  \(check): "), "\(result.stdout)")
        #expect(result.stdout.contains(" 0 failed"))
    }

    @Test func aValidatorThatFindsNothingOnItsTriggerFixtureFails() throws {
        let silent = try CLI.run(["plugins", "check", Self.shouts, "--fixture", Self.shoutFixture])
        #expect(silent.status == 3, "\(silent.stdout)")
        #expect(
            silent.stdout.contains("FAIL  fixture findings: it found nothing on a fixture built to trigger it"),
            "\(silent.stdout)")
        let loud = try CLI.run([
            "plugins", "check", Self.shouts, "--fixture", Self.shoutFixture, "--plugin-option", "shouts.shout=true",
        ])
        #expect(
            loud.stdout.contains("pass  fixture findings: found exactly the 1 expected finding(s)"), "\(loud.stdout)")
    }

    @Test func anExporterWhoseBytesChangeFromRunToRunFails() throws {
        let result = try CLI.run(["plugins", "check", CLI.fixture("plugins/conformance/curriculum-plugin-restless.sh")])
        #expect(result.status == 3)
        #expect(
            result.stdout.contains("FAIL  determinism (restless): two runs of the same request differ in \"run.txt\""),
            "\(result.stdout)")
    }

    @Test func aPluginThatDoesNotExitAfterARequestFails() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            ["plugins", "check", CLI.fixture("plugins/faults/lingers-after-answer.sh")],
            environment: ["TMPDIR": folder.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("FAIL  exit after validate: it answered but did not exit"), "\(result.stdout)")
    }

    @Test func dumpRequestsWritesTheExactRequestsSent() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run([
            "plugins", "check", Self.examples.appendingPathComponent("node/curriculum-plugin-agenda-csv").path,
            "--fixture", Self.examples.appendingPathComponent("fixtures/agenda-csv").path, "--dump-requests",
            folder.path,
        ])
        #expect(result.status == 0, "\(result.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["export-csv.json", "initialize.json"])
        let request = try String(contentsOfFile: folder.path + "/export-csv.json", encoding: .utf8)
        #expect(request.hasSuffix("}\n"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(request.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "export")
        let params = try #require(object["params"] as? [String: Any])
        #expect((params["curriculum"] as? [String: Any])?["id"] as? String == "mini")
        // The dumped request replays by hand: the plugin answers it.
        let replay = try CLI.run(
            [
                "-c", "cat \"$1\" \"$2\" | \"$3\"", "sh", folder.path + "/initialize.json",
                folder.path + "/export-csv.json",
                Self.examples.appendingPathComponent("node/curriculum-plugin-agenda-csv").path,
            ],
            executable: "/bin/sh")
        #expect(replay.stdout.contains(#""path":"agenda.csv""#), "\(replay.stdout)\(replay.stderr)")
    }

    @Test func aFixtureWithoutExpectationsIsAUsageError() throws {
        let result = try CLI.run(["plugins", "check", Self.shouts, "--fixture", CLI.fixture("valid")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("it holds no expected.json"), "\(result.stderr)")
    }
}
