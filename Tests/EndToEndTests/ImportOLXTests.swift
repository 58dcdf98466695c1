import Foundation
import Testing

/// `curriculum import --from olx` through the built binary, on courses written from the OLX documentation.
@Suite struct ImportOLXTests {
    static let course = CLI.fixture("import/olx/partners")

    @Test func aCourseFolderImportsValidatesAndPacks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("partners.xml").path

        let imported = try CLI.run(["import", Self.course, "--from", "olx", "--out", out])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("2 session(s), 6 agenda item(s), 3 resource(s)"))
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<title>Working with local partners against radicalisation</title>"))
        #expect(xml.contains("<dates from=\"2025-03-03\" to=\"2025-06-30\"/>"))
        // Chapters are sessions, subsections days, units agenda items.
        #expect(xml.contains("<session id=\"week1\" number=\"1\" days=\"2\">"))
        #expect(xml.contains("<title>Mapping who does what</title>"))
        // The video's recorded length (312 s) is its unit's duration; the timed exam's 20 minutes its unit's.
        #expect(xml.contains("<item id=\"v-video\" kind=\"input\" duration=\"PT6M\" resources=\"mayor-interview\">"))
        #expect(xml.contains("<item id=\"v-quiz\" kind=\"evaluation\" duration=\"PT20M\">"))
        // Problems become the session's questions; a static handout is copied beside the XML.
        #expect(xml.contains("<question id=\"p-roles-q\" type=\"single\">"))
        #expect(xml.contains("<question id=\"p-sharing-q\" type=\"multiple\">"))
        #expect(xml.contains("<option>The coordinator agreed in the partnership protocol</option>"))
        #expect(xml.contains("href=\"files/static/referral-map.pdf\""))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("files/static/referral-map.pdf").path))

        let validated = try CLI.run(["validate", out, "--format", "json"])
        #expect(validated.status == 0, "\(validated.stdout)")
        let packs = folder.appendingPathComponent("packs").path
        let packed = try CLI.run(["pack", out, "--format", "md", "--out", packs])
        #expect(packed.status == 0, "\(packed.stderr)")
        #expect(FileManager.default.fileExists(atPath: packs + "/partners101-week2"))
    }

    @Test func whatCannotBeMappedIsReportedAtItsPlaceInTheSource() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run([
            "import", Self.course, "--out", folder.appendingPathComponent("p.xml").path, "--format", "json",
        ])
        let found = try result.diagnostics()
        func has(_ code: String, _ file: String, line: Int? = nil) -> Bool {
            found.contains { $0.code == code && $0.path.hasSuffix(file) && (line == nil || $0.line == line) }
        }
        #expect(has("OLX012", "course/2025.xml", line: 4), "the wiki is reported")
        #expect(has("OLX007", "html/h-map.html"), "the table is reported")
        #expect(has("OLX009", "sequential/seq-network.xml", line: 4), "the missing image is reported")
        #expect(has("OLX005", "vertical/v-map.xml"), "an estimated reading time is pointed out")
        #expect(has("OLX012", "policies/2025/grading_policy.json"))
    }

    @Test func aStudioExportTarGzImportsLikeTheFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("course.tar.gz").path
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = [
            "-czf", archive, "-C", (Self.course as NSString).deletingLastPathComponent, "--transform",
            "s,^partners,course,", "partners",
        ]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)

        let fromArchive = try CLI.run(["import", archive])
        let fromFolder = try CLI.run(["import", Self.course])
        #expect(fromArchive.status == 0, "\(fromArchive.stderr)")
        #expect(!fromArchive.stdout.isEmpty)
        #expect(fromArchive.stdout == fromFolder.stdout)
        #expect(fromArchive.stderr.contains("course.tar.gz!/course/html/h-map.html"), "\(fromArchive.stderr)")
    }

    @Test func aUnitWithoutADerivableDurationIsWrittenWithAWarningAndTheRuleError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("undated.xml").path
        let result = try CLI.run(["import", CLI.fixture("import/olx/undated"), "--out", out, "--format", "json"])
        #expect(result.status == 1)
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "OLX004" && $0.path.hasSuffix("vertical/v-partners.xml") })
        #expect(found.contains { $0.code == "TIM002" && $0.path.hasSuffix("vertical/v-partners.xml") })
        #expect(FileManager.default.fileExists(atPath: out), "rule findings do not stop the import")
        #expect(
            try String(contentsOfFile: out, encoding: .utf8).contains(
                "Discussion: Week 2 › Who is missing from your table?"))
    }

    @Test(arguments: [
        ("not-a-course", "OLX001", "not-a-course", 1),
        ("dangling", "IMP001", "chapter/week1.xml", 3),
        ("malformed", "IMP002", "vertical/v-map.xml", 3),
        ("hostile", "IMP003", "vertical/v-map.xml", 2),
    ])
    func aBrokenCourseIsRefusedWithItsFileAndLineAndNothingIsWritten(
        fixture: String, code: String, file: String, line: Int
    ) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run([
            "import", CLI.fixture("import/olx/" + fixture), "--from", "olx", "--out", out, "--format", "json",
        ])
        #expect(result.status == 1)
        let found = try result.diagnostics()
        #expect(
            found.contains { $0.code == code && $0.path.hasSuffix(file) && $0.line == line },
            "\(found.map { "\($0.code) \($0.path):\($0.line)" })")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no staging folder is left")
    }
}
