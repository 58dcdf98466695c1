import Foundation
import Testing

/// `--plugin-option NAME.KEY=VALUE` reaches the named plugin on validate, pack and import; `--templates` is the
/// HTML exporter's option passed the same way.
@Suite struct PluginOptionTests {
    static let shouts = CLI.fixture("plugins/answers/shouts.sh")

    @Test func validatePassesAnOptionToTheNamedPlugin() throws {
        let quiet = try CLI.run(["validate", CLI.fixture("valid"), "--plugin", Self.shouts, "--format", "json"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(try quiet.diagnostics().allSatisfy { $0.code != "SHT001" })
        let loud = try CLI.run([
            "validate", CLI.fixture("valid"), "--plugin", Self.shouts, "--plugin-option", "shouts.shout=true",
            "--format", "json",
        ])
        #expect(loud.status == 0, "\(loud.stderr)")
        #expect(try loud.diagnostics().contains { $0.code == "SHT001" })
        let other = try CLI.run([
            "validate", CLI.fixture("valid"), "--plugin", Self.shouts, "--plugin-option", "someone-else.shout=true",
            "--format", "json",
        ])
        #expect(try other.diagnostics().allSatisfy { $0.code != "SHT001" }, "options go to the named plugin only")
    }

    @Test func packPassesAnOptionToTheNamedExporter() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            [
                "pack", CLI.fixture("valid/mini.xml"), "--format", "counted", "--plugin",
                CLI.fixture("plugins/discovery/curriculum-plugin-counted"), "--plugin-option", "counted.shout=true",
                "--out", folder.path + "/packs",
            ], environment: ["TMPDIR": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: folder.path + "/packs/mini-s1/counted.txt", encoding: .utf8)
        #expect(text == "COUNTED\n")
    }

    @Test(arguments: [
        ["validate", CLI.fixture("valid")], ["pack", CLI.fixture("valid/mini.xml")],
        ["import", CLI.fixture("import/olx/partners")],
    ])
    func aMalformedPluginOptionIsAUsageError(command: [String]) throws {
        for bad in ["html", "html.templates", ".x=1", "html.=1"] {
            let result = try CLI.run(command + ["--plugin-option", bad])
            #expect(result.status == 2, "\(command[0]) \(bad): \(result.stderr)")
            #expect(result.stderr.contains("--plugin-option takes NAME.KEY=VALUE"), "\(result.stderr)")
        }
    }

    @Test func anOptionForAPluginThatTakesNoPartIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run([
            "pack", CLI.fixture("valid/mini.xml"), "--format", "md", "--plugin-option", "markdwon.x=1", "--out",
            folder.path + "/packs",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                #"--plugin-option for "markdwon", but no plugin of that name takes part in this run"#),
            "\(result.stderr)")
        #expect(result.stderr.contains("markdown"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/packs"))
    }

    @Test func aTemplatesOptionThatIsNotAFolderIsAUsageError() throws {
        let result = try CLI.run([
            "pack", CLI.fixture("valid/mini.xml"), "--plugin-option", "html.templates=/no/such/folder",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--plugin-option html.templates /no/such/folder"), "\(result.stderr)")
    }
}
