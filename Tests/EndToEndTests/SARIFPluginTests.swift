import Foundation
import Testing

/// In SARIF each plugin is a `tool.extensions` entry with the rules it declared, and its results point at them,
/// so a code-scanning dashboard shows a plugin's rule as the plugin's, described in its own words.
@Suite struct SARIFPluginTests {
    @Test func eachPluginIsAnExtensionWithItsDeclaredRules() throws {
        let result = try CLI.run([
            "validate", CLI.fixture("valid"), "--plugin", "readability", "--plugin",
            CLI.fixture("plugins/answers/shouts.sh"), "--plugin-option", "shouts.shout=true", "--format", "sarif",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.sarif")
        try result.stdout.write(to: log, atomically: true, encoding: .utf8)
        let check = try CLI.run(
            [
                "-c",
                "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
                log.path, CLI.fixture("schemas/sarif-2.1.0.json"),
            ],
            executable: "/usr/bin/python3")
        #expect(check.stdout == "valid\n", "\(check.stderr)")
        let run = try #require((try result.json()["runs"] as? [[String: Any]])?.first)
        let tool = try #require(run["tool"] as? [String: Any])
        let extensions = try #require(tool["extensions"] as? [[String: Any]])
        #expect(extensions.map { $0["name"] as? String } == ["readability", "shouts"])
        let readability = try #require(extensions.first?["rules"] as? [[String: Any]])
        #expect(readability.map { $0["id"] as? String } == ["RDB001", "RDB002", "RDB003", "RDB004"])
        #expect(
            (readability.first?["shortDescription"] as? [String: Any])?["text"] as? String
                == "A sentence participants read is longer than 30 words.")
        let driverRules = try #require((tool["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(
            !driverRules.contains { ($0["id"] as? String)?.hasPrefix("RDB") == true }, "plugin rules are not the core's"
        )
        let results = try #require(run["results"] as? [[String: Any]])
        let shout = try #require(results.first { $0["ruleId"] as? String == "SHT001" })
        let rule = try #require(shout["rule"] as? [String: Any])
        #expect((rule["toolComponent"] as? [String: Any])?["index"] as? Int == 1)
        #expect(rule["index"] as? Int == 0)
        #expect(shout["ruleIndex"] == nil)
    }
}
