import Foundation
import Testing

/// Cartridge and SCORM pages as platforms write them: Canvas's `$IMS-CC-FILEBASE$` links and images with alt text,
/// resources without an href, and SCORM packages that launch one shell page.
@Suite struct ImportCartridgePagesTests {
    static func imported(_ fixture: String) throws -> (folder: URL, xml: String, result: CLI.Result) {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("course.xml").path
        let result = try CLI.run([
            "import", CLI.fixture("import/imscc/" + fixture), "--out", out, "--format", "json", "--option",
            "defaultDuration=PT30M",
        ])
        let xml = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return (folder, xml, result)
    }

    @Test func fileBaseLinksAndImagesBecomeTheItemsResourcesWithTheirAltText() throws {
        let (folder, xml, result) = try Self.imported("canvas-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!xml.isEmpty, "\(result.stdout)")
        #expect(xml.contains("resources=\"res-welcome res-checklist res-town-map\""))
        #expect(xml.contains("<accessibility alt=\"Town partnership map\"/>"))
        #expect(xml.contains("kind=\"image\" href=\"files/web_resources/images/town-map.png\""))
        #expect(!(try result.diagnostics().contains { $0.code == "CC018" }), "no warning about missing alt text")
    }

    @Test func aResourceWithoutHrefOpensWithItsFirstFile() throws {
        let (folder, xml, _) = try Self.imported("canvas-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<p>AGENDAMARK Two sessions of ninety minutes each.</p>"))
    }

    @Test func aSingleLaunchPageSCORMPackageReadsItsPagesAndTheCourseLearningTime() throws {
        let (folder, xml, result) = try Self.imported("scorm12-single-launch")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<p>SCOMARK-1 Look for changes over weeks, not days.</p>"))
        #expect(xml.contains("<p>SCOMARK-2 Write down what you saw, then call the coordinator.</p>"))
        #expect(xml.contains("duration=\"PT45M\""), "the course's learning time is its one item's")
        #expect(try result.diagnostics().contains { $0.code == "CC025" })
    }

    @Test func qtiAssessmentsAndQuestionBanksBecomeQuestionsWithKeys() throws {
        let (folder, xml, result) = try Self.imported("canvas-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<text>Who do you call first?</text>"), "HTML question text is read as text")
        #expect(xml.contains("<option correct=\"true\">The coordinator</option>"))
        #expect(xml.contains("<feedback option=\"1\">QTIMARK-FEEDBACK Only in an emergency.</feedback>"))
        #expect(xml.contains("<question id=\"q-q_days\" type=\"short-answer\">"))
        #expect(xml.contains("<answer>2</answer>"))
        #expect(xml.contains("<text>BANKMARK Describe a referral you made.</text>"), "an unplaced bank is kept")
        #expect(try result.diagnostics().contains { $0.code == "CC023" && $0.message.contains("R_BANK") })
        for line in xml.split(separator: "\n") where line.contains("<option") || line.contains("<text>") {
            #expect(!line.contains("QTIMARK"))
        }
    }

    @Test func aBrokenDiscussionTopicIsReportedAndTheRestImported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("cc13-course")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: CLI.fixture("import/imscc/cc13-course")), to: package)
        try Data("<topic><title>broken</title>\n<text>unclosed\n".utf8).write(
            to: package.appendingPathComponent("discussions/first-signs.xml"))
        try ImportHarness.expectPartial(
            package.path, from: "imscc", code: "IMP002", file: "discussions/first-signs.xml", line: 3)
    }
}
