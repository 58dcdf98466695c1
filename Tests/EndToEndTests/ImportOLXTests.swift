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
        #expect(xml.contains("<option correct=\"true\">The coordinator agreed in the partnership protocol</option>"))
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

    @Test func theWrittenDocumentIsValidAgainstTheSchemaForXmllintToo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("partners.xml").path
        #expect(try CLI.run(["import", Self.course, "--out", out]).status == 0)
        let schema = CLI.packageRoot.appendingPathComponent("Schemas/curriculum.xsd").path
        let xmllint = try CLI.run(["--noout", "--schema", schema, out], executable: "/usr/bin/xmllint")
        #expect(xmllint.status == 0, "\(xmllint.stderr)")
    }

    @Test func subsectionsCanBeBlocksOfOneDayInsteadOfDays() throws {
        let result = try CLI.run(["import", Self.course, "--option", "sequentials=blocks"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<session id=\"week1\" number=\"1\" days=\"1\">"))
        #expect(result.stdout.contains("<title>Mapping who does what: Your local map</title>"))
        let refused = try CLI.run(["import", Self.course, "--option", "sequentials=weeks"])
        #expect(refused.status == 2, "an option the importer refuses is a usage error")
        #expect(refused.stderr.contains("option sequentials must be days or blocks"))
    }

    @Test func aVideoWithoutAYouTubeIDLinksToItsEncodedFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.variant(of: folder) { course in
            try Self.replace(
                " youtube_id_1_0=\"dQw4w9WgXcQ\"", with: "",
                in: course.appendingPathComponent("video/mayor-interview.xml"))
        }
        let result = try CLI.run(["import", course.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kind=\"video\" href=\"https://videos.example.org/mayor-interview.mp4\""))
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
        let tar = try CLI.run(
            [
                "-czf", archive, "-C", (Self.course as NSString).deletingLastPathComponent, "--transform",
                "s,^partners,course,", "partners",
            ], executable: "/bin/tar")
        #expect(tar.status == 0, "\(tar.stderr)")

        let fromArchive = try CLI.run(["import", archive])
        let fromFolder = try CLI.run(["import", Self.course])
        #expect(fromArchive.status == 0, "\(fromArchive.stderr)")
        #expect(!fromArchive.stdout.isEmpty)
        #expect(fromArchive.stdout == fromFolder.stdout)
        #expect(fromArchive.stderr.contains("course.tar.gz!/course/html/h-map.html"), "\(fromArchive.stderr)")
    }

    @Test func aTarMadeFromInsideTheCourseFolderImportsLikeTheFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `tar -C folder .` names every entry `./…`, the top folder itself `./`.
        let archive = folder.appendingPathComponent("course.tar.gz").path
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", archive, "-C", Self.course, "."]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)

        let fromArchive = try CLI.run(["import", archive])
        let fromFolder = try CLI.run(["import", Self.course])
        #expect(fromArchive.status == 0, "\(fromArchive.stderr)")
        #expect(!fromArchive.stdout.isEmpty)
        #expect(fromArchive.stdout == fromFolder.stdout)
        #expect(fromArchive.stderr.contains("course.tar.gz!/html/h-map.html"), "\(fromArchive.stderr)")
    }

    @Test func aUnitWithoutADerivableDurationIsWrittenWithAWarningAndTheRuleError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("undated.xml").path
        let undated = try Self.variant(of: folder) { course in
            try Self.replace(
                "<html url_name=\"h-partners\"/>",
                with:
                    "<html url_name=\"h-partners\"/>\n  <discussion url_name=\"d-partners\" display_name=\"Your partners\""
                    + " discussion_category=\"Week 2\" discussion_target=\"Who is missing from your table?\"/>",
                in: course.appendingPathComponent("vertical/v-partners.xml"))
        }
        let result = try CLI.run(["import", undated.path, "--out", out, "--format", "json"])
        #expect(result.status == 1)
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "OLX004" && $0.path.hasSuffix("vertical/v-partners.xml") })
        #expect(found.contains { $0.code == "TIM002" && $0.path.hasSuffix("vertical/v-partners.xml") })
        #expect(FileManager.default.fileExists(atPath: out), "rule findings do not stop the import")
        #expect(
            try String(contentsOfFile: out, encoding: .utf8).contains(
                "Discussion: Week 2 › Who is missing from your table?"))
    }

    /// A way to break the good course, and what the import must then report.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var code: String
        var file: String
        var line: Int
        var apply: @Sendable (URL) throws -> Void

        var testDescription: String { name }
    }

    /// One broken part: the rest of the course is imported and the part reported where it is referred to.
    static let brokenParts: [Breakage] = [
        Breakage(name: "a subsection file is missing", code: "IMP001", file: "chapter/week1.xml", line: 3) { course in
            try FileManager.default.removeItem(at: course.appendingPathComponent("sequential/seq-mapping.xml"))
        },
        Breakage(name: "a unit is not well-formed", code: "IMP002", file: "vertical/v-map.xml", line: 3) { course in
            try Self.replace(
                "<html url_name=\"h-map\"/>", with: "<html url_name=\"h-map\">",
                in: course.appendingPathComponent("vertical/v-map.xml"))
        },
    ]

    @Test(arguments: brokenParts)
    func aBrokenPartIsReportedAndTheRestImported(breakage: Breakage) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.variant(of: folder, breakage.apply)
        try ImportHarness.expectPartial(
            course.path, from: "olx", code: breakage.code, file: breakage.file, line: breakage.line)
    }

    /// Unsafe content refuses the whole source.
    static let breakages: [Breakage] = [
        Breakage(name: "a unit declares entities", code: "IMP003", file: "vertical/v-map.xml", line: 2) { course in
            let laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE vertical [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                ]>
                <vertical display_name="&lol2;"><html url_name="h-map"/></vertical>
                """
            try Data(laughs.utf8).write(to: course.appendingPathComponent("vertical/v-map.xml"))
        }
    ]

    @Test(arguments: breakages)
    func aBrokenCourseIsRefusedWithItsFileAndLineAndNothingIsWritten(breakage: Breakage) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.variant(of: folder, breakage.apply)
        try ImportHarness.expectRefused(
            course.path, from: "olx", code: breakage.code, file: breakage.file, line: breakage.line)
    }

    @Test func aFolderWithoutCourseXMLIsNotAnOLXCourse() throws {
        try ImportHarness.expectRefused(
            CLI.fixture("import/olx/not-a-course"), from: "olx", code: "OLX001", file: "not-a-course", line: 1)
    }

    // MARK: - Helpers

    /// A copy of the good course in `folder`, changed by `edit`.
    static func variant(of folder: URL, _ edit: (URL) throws -> Void) throws -> URL {
        let copy = folder.appendingPathComponent("source-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: course, toPath: copy.path)
        try edit(copy)
        return copy
    }

    static func replace(_ text: String, with replacement: String, in file: URL) throws {
        let original = try String(contentsOf: file, encoding: .utf8)
        #expect(original.contains(text), "\(file.lastPathComponent) no longer holds \(text)")
        try Data(original.replacingOccurrences(of: text, with: replacement).utf8).write(to: file)
    }
}
