import Foundation
import Testing

/// `curriculum validate` as a CI pipeline and an author meet it: exit codes, formats, configuration.
@Suite struct ValidateCommandTests {
    let valid = CLI.fixture("valid")

    @Test func aCleanCurriculumPassesWithNoDiagnostics() throws {
        let result = try CLI.run(["validate", valid])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "0 errors, 0 warnings, 0 info in 1 file\n")
    }

    @Test(arguments: [("error", Int32(0)), ("warning", 1), ("info", 1), ("never", 0)])
    func failOnDecidesTheExitCode(level: String, status: Int32) throws {
        // personal-data.xml has warnings and no errors.
        let result = try CLI.run(["validate", CLI.fixture("bad/personal-data.xml"), "--fail-on", level])
        #expect(result.status == status)
    }

    @Test func ignoreDropsACode() throws {
        let result = try CLI.run([
            "validate", CLI.fixture("bad/personal-data.xml"), "--ignore", "SAF004", "--fail-on", "warning", "--format",
            "json",
        ])
        #expect(result.status == 0)
        #expect(try result.diagnostics().isEmpty)
    }

    @Test func configurationFileChangesSeverities() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("strict.json")
        try #"{"rules": {"SAF004": "error"}}"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "validate", CLI.fixture("bad/personal-data.xml"), "--config", config.path, "--format", "json",
        ])
        #expect(result.status == 1)
        let json = try result.json()
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["severity"] as? String == "error")
    }

    @Test func aBrokenConfigurationFileIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("broken.json")
        try #"{"rules": {"SAF004": "loud"}}"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", valid, "--config", config.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rule SAF004 has severity \"loud\""))
    }

    @Test func sarifOutputIsValidAgainstTheSARIFSchema() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/duration-words.xml"), "--format", "sarif"])
        #expect(result.status == 1)
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
        let json = try result.json()
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "TIM001" && $0["level"] as? String == "error" })
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count >= 40, "the driver carries the rule catalogue")
    }

    @Test func junitHasOneTestCasePerFile() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/duration-words.xml"), valid, "--format", "junit"])
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "<testcase ").count - 1 == 2)
        #expect(result.stdout.contains("<failure type=\"TIM001\""))
        #expect(result.stdout.contains("tests=\"2\" failures=\"1\""))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("junit.xml")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let wellFormed = try CLI.run(["--noout", file.path], executable: "/usr/bin/xmllint")
        #expect(wellFormed.status == 0, "\(wellFormed.stderr)")
    }

    @Test func githubFormatWritesWorkflowAnnotations() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/duration-words.xml"), "--format", "github"])
        #expect(result.status == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("TIM001") })
        #expect(
            line.hasPrefix(
                "::error file=Tests/EndToEndTests/Fixtures/bad/duration-words.xml,line=22,col=9,title=TIM001::"))
        #expect(line.contains("%0A"), "the hint follows on an escaped new line")
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let command = "\(CLI.binary) validate \(CLI.fixture("bad/duration-words.xml"))"
        let coloured = try CLI.run(
            ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "", "TERM": "xterm"],
            executable: "/usr/bin/script")
        #expect(coloured.stdout.contains("\u{1B}[1;31merror[TIM001]:"), "\(coloured.stdout)")
        let plain = try CLI.run(
            ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1", "TERM": "xterm"],
            executable: "/usr/bin/script")
        #expect(plain.stdout.contains("error[TIM001]:"))
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test func manyFilesAreValidatedTogetherAndReportedInAStableOrder() throws {
        let first = try CLI.run(["validate", CLI.fixture("bad"), "--format", "json"])
        let second = try CLI.run(["validate", CLI.fixture("bad"), "--format", "json"])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout, "concurrency must not change the output")
        let files = try #require(try first.json()["files"] as? [String])
        #expect(files.count >= 40)
    }

    @Test func rulesMarkdownIsTheCommittedReference() throws {
        let result = try CLI.run(["rules", "--format", "markdown"])
        let committed = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent("docs/rules.md").path, encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func schemaCommandPrintsTheSchemaBuiltIntoTheBinary() throws {
        let result = try CLI.run(["schema", "xml"])
        let file = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent("Schemas/curriculum.xsd").path, encoding: .utf8)
        #expect(result.stdout.trimmingCharacters(in: .newlines) == file.trimmingCharacters(in: .newlines))
    }

    @Test func aCopiedBinaryWorksFromAnUnrelatedFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("curriculum")
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: copy.path)
        let result = try CLI.run(
            ["validate", CLI.fixture("bad/unknown-element.xml")], in: folder.path, executable: copy.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("STR003"), "schema validation works without resource files")
    }

    @Test func versionAndHelpWork() throws {
        #expect(try CLI.run(["--version"]).stdout == "0.1.0\n")
        let help = try CLI.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--fail-on"))
    }
}
