import Foundation
import Testing

/// Every answer a plugin gives is checked on every run, not only by `plugins check`: what the host has not
/// checked is never printed, and a refusal says which side to upgrade.
@Suite struct PluginAnswerTests {
    static let plugin = CLI.fixture("plugins/answers/answers.sh")

    /// `curriculum validate` on the small valid curriculum with the answers fixture in one mode.
    static func validate(mode: String) throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["\#(plugin)", "\#(mode)"]}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        return try CLI.run(["validate", CLI.fixture("valid"), "--config", config.path, "--format", "json"])
    }

    static let refusals: [(mode: String, expected: String)] = [
        ("undeclared", "has the code ANS999, which is not among the rules it declared in initialize (ANS001)"),
        ("empty-code", "has the code \"\" (empty)"),
        ("line-zero", "points at line 0; lines start at 1"),
        ("negative-line", "points at line -4; lines start at 1"),
        ("core-code", "has the code TIM001, but codes starting with TIM are reserved for the core's rules"),
        ("reserved-rule", "it declares the rule TIM001, but codes starting with TIM are reserved"),
        ("control-name", #"its name "two\nlines" contains control characters"#),
        ("refusal-without-supported", "with error -32022 but did not say which versions it speaks (data.supported"),
    ]

    @Test(arguments: refusals)
    func aWrongAnswerStopsTheRunWithExit3AndSaysWhatWasWrong(mode: String, expected: String) throws {
        let result = try Self.validate(mode: mode)
        #expect(result.status == 3, "\(mode): \(result.stderr)")
        #expect(result.stderr.contains("broke the protocol"), "\(mode): \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(mode): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(mode): nothing the host did not check is printed")
        #expect(!result.stderr.contains("two\nlines"), "the name is never printed raw")
    }

    @Test func aDeclaredFindingIsReportedAsThePlugins() throws {
        let result = try Self.validate(mode: "fine")
        #expect(result.status == 0, "\(result.stderr)")
        let diagnostics = try result.diagnostics()
        #expect(diagnostics.contains { $0.code == "ANS001" && $0.line == 2 })
    }

    @Test func aVersionRefusalNamesBothVersionsAndWhichSideToUpgrade() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        let command = CLI.fixture("plugins/faults/old-protocol.sh")
        try #"{"plugins": [{"command": ["\#(command)"]}]}"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["validate", CLI.fixture("valid"), "--config", config.path], environment: ["TMPDIR": folder.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("speaks plugin protocol version 9, but this curriculum program ("))
        #expect(result.stderr.contains(") speaks version 1. Upgrade curriculum to a release that speaks version 9"))
    }
}
