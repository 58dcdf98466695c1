import Foundation
import Testing

/// Bad input through the binary: each fixture must fail with exit code 1, a specific rule code, and the line
/// where the problem is; none may crash, hang or print a stack trace.
@Suite struct BadInputTests {
    static let cases: [(file: String, code: String, line: Int)] = [
        ("unknown-element.xml", "STR003", 21),
        ("unknown-attribute.xml", "STR004", 22),
        ("wrong-namespace.xml", "STR001", 2),
        ("wrong-version.xml", "STR002", 2),
        ("duration-bare-number.xml", "TIM001", 22),
        ("duration-clock.xml", "TIM001", 22),
        ("duration-words.xml", "TIM001", 22),
        ("duration-missing.xml", "TIM002", 44),
        ("day-overrun.xml", "TIM003", 37),
        ("dangling-reference.xml", "REF002", 22),
        ("wrong-kind-reference.xml", "REF003", 22),
        ("dangling-module.xml", "REF002", 43),
        ("missing-activity.xml", "REF011", 43),
        ("missing-handout.xml", "REF005", 14),
        ("handout-case.xml", "REF006", 14),
        ("handout-escapes.xml", "REF007", 14),
        ("day-count.xml", "STR011", 34),
        ("bad-clock-time.xml", "TIM011", 37),
        ("bad-language-tag.xml", "LNG001", 2),
        ("unmeasurable-objective.xml", "PED004", 11),
        ("personal-data.xml", "SAF004", 24),
        ("credential.xml", "SAF005", 25),
        ("vague-link.xml", "ACC002", 25),
        ("javascript-link.xml", "REF008", 25),
        ("facilitator-notes-for-participants.xml", "EXP001", 25),
        ("missing-translation.xml", "LNG002", 39),
        ("duplicate-id.xml", "REF001", 44),
        ("malformed-tag-mismatch.xml", "XML001", 20),
        ("malformed-undeclared-prefix.xml", "XML001", 20),
        ("malformed-two-roots.xml", "XML001", 59),
        ("malformed-text-after-root.xml", "XML001", 59),
        ("malformed-unclosed-attribute.xml", "XML001", 23),
        ("hostile-billion-laughs.xml", "XML002", 2),
        ("hostile-external-entity.xml", "XML002", 2),
        ("hostile-external-parameter-entity.xml", "XML002", 2),
        ("hostile-external-dtd.xml", "XML002", 2),
        ("hostile-xinclude.xml", "XML003", 21),
        ("empty.xml", "XML001", 1),
        ("whitespace-only.xml", "XML001", 4),
        ("gzip-named-xml.xml", "XML004", 1),
        ("zip-named-xml.xml", "XML004", 1),
        ("nul-byte.xml", "XML004", 8),
        ("invalid-utf8.xml", "XML001", 20),
        ("truncated-utf16.xml", "XML001", 0),
        ("unsupported-encoding.xml", "XML001", 1),
        ("dangling-term.xml", "REF002", 25),
        ("javascript-resource.xml", "REF008", 14),
    ]

    @Test(arguments: cases)
    func badFixtureIsReportedWithCodeAndLine(file: String, code: String, line: Int) throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/" + file), "--format", "json", "--fail-on", "warning"])
        #expect(result.status == 1, "exit status for \(file): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "crash output for \(file)")
        let diagnostics = try result.diagnostics()
        let matching = diagnostics.filter { $0.code == code }
        #expect(!matching.isEmpty, "\(file): expected \(code), got \(diagnostics.map(\.code))")
        if line > 0 {
            #expect(
                matching.contains { $0.line == line },
                "\(file): expected \(code) at line \(line), got \(matching.map(\.line))")
        }
        #expect(diagnostics.allSatisfy { $0.path.hasSuffix(file) || $0.path.contains("Fixtures/bad") })
    }

    @Test func textOutputNamesFileLineColumnCodeAndHint() throws {
        let result = try CLI.run(
            ["validate", CLI.fixture("bad/duration-bare-number.xml")], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "duration-bare-number.xml:22:9: error[TIM001]: duration=\"45\" of \"a-map\" is not an ISO 8601 duration"
            ))
        #expect(result.stdout.contains("hint: If you mean 45 minutes, write PT45M."))
        #expect(result.stdout.contains("1 error, 1 warning, 0 info in 1 file"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func unknownElementSuggestsTheClosestName() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/unknown-element.xml")])
        #expect(result.stdout.contains("unknown element <summry>"))
        #expect(result.stdout.contains("Did you mean <summary>?"))
    }

    @Test(arguments: [
        ("includes/cycle/a.xml", "STR009", "b.xml", 5),
        ("includes/escape/inner/programme.xml", "STR010", "programme.xml", 5),
        ("includes/duplicate/programme.xml", "REF001", "two.xml", 5),
        ("includes/wrong-root/programme.xml", "STR008", "programme.xml", 5),
        ("includes/missing/programme.xml", "STR007", "programme.xml", 5),
        ("includes/missing/programme.xml", "STR007", "programme.xml", 6),
        ("includes/expect-mismatch/programme.xml", "STR008", "programme.xml", 5),
    ])
    func includeProblemsPointAtTheInclude(file: String, code: String, reportedIn: String, line: Int) throws {
        let result = try CLI.run(["validate", CLI.fixture(file), "--format", "json"])
        #expect(result.status == 1)
        let diagnostics = try result.diagnostics()
        #expect(
            diagnostics.contains { $0.code == code && $0.path.hasSuffix(reportedIn) && $0.line == line },
            "\(diagnostics)")
    }

    @Test func missingPathIsAUsageError() throws {
        let result = try CLI.run(["validate", "/no/such/curriculum"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/curriculum: no such file or folder"))
    }

    @Test func emptyFolderIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["validate", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("contains no .xml files"))
    }

    @Test func folderGivenAsConfigurationFileIsAUsageError() throws {
        let result = try CLI.run(["validate", CLI.fixture("valid"), "--config", CLI.fixture("valid")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a folder, expected a JSON file"))
    }

    @Test func folderGivenToShowWithSeveralProgrammesIsAUsageError() throws {
        let result = try CLI.run(["show", CLI.fixture("bad")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("several programmes"))
    }

    @Test func unknownOptionIsAUsageErrorWithExitCode2() throws {
        let result = try CLI.run(["validate", "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option"))
    }

    @Test func aHandoutThatIsALinkOutOfTheRootIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: copy.path)
        let handout = copy.appendingPathComponent("handouts/partner-map.md")
        try FileManager.default.removeItem(at: handout)
        try FileManager.default.createSymbolicLink(atPath: handout.path, withDestinationPath: "/etc/hostname")
        let result = try CLI.run(["validate", copy.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(try result.diagnostics().contains { $0.code == "REF007" && $0.message.contains("symbolic link") })
    }
}
