import Foundation
import Testing

/// Every rule of the registry fires, through the binary, on its own fixture at the stated file and line, and not on
/// the fixture's clean twin.
///
/// Each rule has a folder `Fixtures/rules/<CODE>/` with `expect.json`: the bad fixture (`bad`, a file or folder,
/// or `generate` for inputs too large to keep), the `file` and `line` the finding must point at, the clean twin
/// (`clean`), and the `others` codes either may also report (usually none).
@Suite struct RuleFixtureTests {
    struct Expectation: Decodable {
        var code: String
        var bad: String?
        var generate: String?
        var file: String
        var line: Int
        var clean: String
        var others: [String]
    }

    static let fixtures = CLI.fixture("rules")

    /// The codes of every rule, as `curriculum rules --format json` lists them; empty when the binary cannot be
    /// run, which ``registryListsRules()`` reports.
    static let registryCodes: [String] = {
        guard let result = try? CLI.run(["rules", "--format", "json"]),
            let list = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        else { return [] }
        return list.compactMap { $0["code"] as? String }
    }()

    @Test func registryListsRules() {
        #expect(Self.registryCodes.count > 70, "`curriculum rules --format json` listed \(Self.registryCodes.count)")
    }

    @Test func everyFixtureBelongsToARule() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures)
        let stray = Set(folders).subtracting(Self.registryCodes)
        #expect(stray.isEmpty, "fixtures for codes the registry does not have: \(stray.sorted())")
    }

    @Test(arguments: registryCodes)
    func ruleFiresOnItsFixtureAndNotOnItsCleanTwin(code: String) throws {
        let folder = "\(Self.fixtures)/\(code)"
        let expectFile = "\(folder)/expect.json"
        let data = try #require(
            FileManager.default.contents(atPath: expectFile),
            "rule \(code) has no fixture: add Tests/EndToEndTests/Fixtures/rules/\(code)/expect.json")
        let expectation = try JSONDecoder().decode(Expectation.self, from: data)
        #expect(expectation.code == code)
        let allowed = Set([code] + expectation.others)

        let (badFolder, badTarget, cleanup) = try Self.badInput(expectation, in: folder)
        defer { cleanup() }
        let bad = try CLI.run(["validate", badTarget, "--format", "json"], in: badFolder).diagnostics()
        #expect(
            bad.contains { $0.code == code && $0.path.hasSuffix(expectation.file) && $0.line == expectation.line },
            "\(code) is not reported at \(expectation.file):\(expectation.line); found \(bad)")
        let unexpected = bad.filter { !allowed.contains($0.code) }
        #expect(unexpected.isEmpty, "the \(code) fixture also reports \(unexpected)")

        let clean = try CLI.run(["validate", expectation.clean, "--format", "json"], in: folder).diagnostics()
        #expect(!clean.contains { $0.code == code }, "the clean twin of \(code) reports it: \(clean)")
        let cleanUnexpected = clean.filter { !allowed.contains($0.code) }
        #expect(cleanUnexpected.isEmpty, "the clean twin of \(code) reports \(cleanUnexpected)")
    }

    /// The folder to run in and the path to validate for the bad side; generated inputs go to a temporary folder.
    private static func badInput(
        _ expectation: Expectation, in folder: String
    ) throws -> (folder: String, target: String, cleanup: () -> Void) {
        switch expectation.generate {
        case nil:
            let bad = try #require(expectation.bad, "\(expectation.code): expect.json names neither bad nor generate")
            return (folder, bad, {})
        case "oversized":
            // One byte over the 32 MiB limit; a sparse file, so nothing is written to disk.
            let temporary = try CLI.temporaryFolder()
            let file = temporary.appendingPathComponent(expectation.file)
            #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 32 * 1024 * 1024 + 1)
            try handle.close()
            return (temporary.path, expectation.file, { try? FileManager.default.removeItem(at: temporary) })
        case let other?:
            Issue.record("\(expectation.code): unknown generator \"\(other)\"")
            return (folder, expectation.file, {})
        }
    }
}
