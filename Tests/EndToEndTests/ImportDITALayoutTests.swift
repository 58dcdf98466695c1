import Foundation
import Testing

/// DITA courses laid out as their authors lay them out: maps in `maps/`, topics in `topics/`, the course map made
/// of submaps, profiled content, Arbortext's empty DOCTYPE subsets, durations without units.
@Suite struct ImportDITALayoutTests {
    static let map = CLI.fixture("import/dita/maps-layout/maps/course.ditamap")

    static func imported(_ extra: [String] = []) throws -> (folder: URL, xml: String, result: CLI.Result) {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("course.xml").path
        let result = try CLI.run(["import", map, "--out", out, "--format", "json"] + extra)
        let xml = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return (folder, xml, result)
    }

    @Test func topicsBesideTheMapsFolderAreInsideTheSourceAndSubmapsAreFollowed() throws {
        let (folder, xml, result) = try Self.imported(["--option", "durationUnit=minutes"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        #expect(xml.contains("<title>Week 1: Noticing</title>"), "a mapref'd learningGroupMap becomes a session")
        #expect(xml.contains("<title>Week 2: Referring</title>"), "a learningGroupMapRef is followed")
        #expect(xml.contains("<p>Use the referral form and name one contact person.</p>"))
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "DITA003" && $0.path.hasSuffix("maps/week2.ditamap") && $0.line == 10 })
        #expect(found.contains { $0.code == "DITA003" && $0.path.hasSuffix("maps/course.ditamap") && $0.line == 7 })
        #expect(!found.contains { $0.code == "IMP003" }, "an empty [] DOCTYPE subset is accepted")
    }

    @Test func instructorAndOtherProfiledContentIsNeverParticipantText() throws {
        let (folder, xml, result) = try Self.imported(["--option", "durationUnit=minutes"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let participant = try #require(
            xml.components(separatedBy: "<participant-instructions>").dropFirst().first?
                .components(separatedBy: "</participant-instructions>").first)
        #expect(participant.contains("Write down what you saw and when."), "learner content stays")
        #expect(!participant.contains("LEAKMARK"))
        #expect(xml.contains("<p>LEAKMARK-INSTRUCTOR Ask the group for a case before showing the list.</p>"))
        let found = try result.diagnostics()
        #expect(found.filter { $0.code == "DITA019" }.count == 3)
        #expect(found.contains { $0.code == "DITA019" && $0.path.hasSuffix("maps/week2.ditamap") && $0.line == 9 })
    }

    @Test func aDurationWithoutAUnitIsReadInTheUnitTheOptionGivesAndReported() throws {
        let (folder, xml, result) = try Self.imported(["--option", "durationUnit=minutes"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<activity id=\"signs\" kind=\"input\" duration=\"PT45M\">"))
        #expect(try result.diagnostics().contains { $0.code == "DITA020" && $0.path.hasSuffix("topics/signs.dita") })

        let (plain, plainXML, plainResult) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(plainXML.contains("<activity id=\"signs\" kind=\"input\">"))
        #expect(
            try plainResult.diagnostics().contains {
                $0.code == "DITA008" && $0.message.contains("has no unit")
            })
        let refused = try CLI.run(["import", Self.map, "--option", "durationUnit=weeks"])
        #expect(refused.status == 2)
    }

    @Test func anyXMLRenamedDitamapIsRefused() throws {
        try ImportHarness.expectRefused(
            CLI.fixture("import/dita/renamed-map"), from: "dita", code: "DITA021", file: "renamed-map/notes.ditamap",
            line: 2)
    }

    @Test func oneOfSeveralMapsCanBeChosenByOption() throws {
        let source = CLI.fixture("import/dita/ambiguous-maps")
        #expect(try CLI.run(["import", source]).status == 1)
        let chosen = try CLI.run(["import", source, "--option", "map=referral-web.ditamap"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("<programme"))
    }

    @Test func assessmentInteractionsKeepTheirKeysFeedbackAndModelAnswers() throws {
        let (folder, xml, _) = try Self.imported(["--option", "durationUnit=minutes"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<option correct=\"true\">A change over time</option>"))
        #expect(xml.contains("<feedback option=\"1\">DITAKEY-FEEDBACK One remark is rarely enough.</feedback>"))
        #expect(xml.contains("<feedback>When correct: DITAKEY-CORRECT Yes: look at change.</feedback>"))
        #expect(xml.contains("<p>DITAKEY-MODEL A good answer names the behaviour and the weeks.</p>"))
        for line in xml.split(separator: "\n") where line.contains("<option") || line.contains("<text>") {
            #expect(!line.contains("DITAKEY"))
        }
    }
}
