import Foundation
import Testing

/// OLX problems come over with their whole stems and their answer keys, and nothing meant for some people only
/// (hints, solutions, content-group or staff-only content) reaches participant text or packs.
@Suite struct ImportOLXAssessmentTests {
    static let course = CLI.fixture("import/olx/assessed")

    static func imported() throws -> (folder: URL, xml: String, result: CLI.Result) {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("assessed.xml").path
        let result = try CLI.run(["import", course, "--out", out, "--format", "json"])
        let xml = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return (folder, xml, result)
    }

    @Test func hintsAndSolutionsBecomeTheKeyNotOptionText() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!xml.isEmpty, "\(result.stdout)\(result.stderr)")
        #expect(xml.contains("<option>The police</option>"))
        #expect(xml.contains("<option correct=\"true\">The local prevention coordinator</option>"))
        #expect(xml.contains("<feedback option=\"2\">LEAKMARK-HINT-2 Correct! Now, move on.</feedback>"))
        #expect(xml.contains("<p>LEAKMARK-SOLUTION The protocol names the coordinator as first contact.</p>"))
        #expect(xml.contains("Hint: LEAKMARK-DEMANDHINT"))
        #expect(xml.contains("<p>LEAKMARK-TARGETED The police come later.</p>"), "targeted feedback is explanation")
        for line in xml.split(separator: "\n") where line.contains("<option") || line.contains("<text>") {
            #expect(!line.contains("LEAKMARK"), "key material in participant text: \(line)")
        }
    }

    @Test func theWholeStemIsKeptWithItsEquationAndImage() throws {
        let (folder, xml, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            xml.contains(
                "<text>A young person's teacher raises a concern on a Friday afternoon. The caseload grows as n = 2^k"
                    + " per quarter, as the chart shows: [image: Caseload chart] Who do you call first?</text>"))
        #expect(xml.contains("href=\"files/static/caseload-chart.png\""))
        #expect(xml.contains("alt=\"Caseload chart\""), "the image keeps its alt text")
    }

    @Test func dropdownsCheckboxesAndTextAnswersGetOptionsAndKeys() throws {
        let (folder, xml, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<option correct=\"true\">The coordinator</option>"), "dropdown options are read")
        #expect(xml.contains("<option>The school</option>"))
        #expect(xml.contains("<question id=\"p-agencies-q-2\" type=\"multiple\">"), "a second response is a question")
        #expect(xml.contains("<question id=\"p-deadline-q\" type=\"short-answer\">"))
        #expect(xml.contains("<answer>48 hours</answer>"))
        #expect(xml.contains("<answer>two days</answer>"))
        #expect(xml.contains("<answer>3 (± 0)</answer>"))
        #expect(xml.contains("<text>Which form starts a referral?</text>"), "an older problem's label on its input")
    }

    @Test func contentGroupAndStaffOnlyContentNeverBecomesParticipantText() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<facilitator-notes for=\"facilitator\">\n              <p>LEAKMARK-GROUP"))
        #expect(!xml.contains("LEAKMARK-STAFF"), "a staff-only problem is left out")
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "OLX014" && $0.message.contains("Cohort B only") })
        #expect(found.contains { $0.code == "OLX014" && $0.message.contains("Staff check") })
        // A staff-only subsection: everything in it is restricted too.
        #expect(found.contains { $0.code == "OLX014" && $0.message.contains("Marking check") })
        #expect(!xml.contains("LEAKMARK-SUBSECTION-PROBLEM"))
        let participant = xml.components(separatedBy: "<participant-instructions>").dropFirst().map {
            $0.components(separatedBy: "</participant-instructions>")[0]
        }
        #expect(!participant.contains { $0.contains("LEAKMARK") })
    }

    @Test func noParticipantPackCarriesTheKeyOrRestrictedText() throws {
        let (folder, xml, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!xml.isEmpty)
        let packs = folder.appendingPathComponent("packs")
        let packed = try CLI.run(["pack", folder.appendingPathComponent("assessed.xml").path, "--out", packs.path])
        #expect(packed.status == 0, "\(packed.stderr)")
        var checked = 0
        for case let file as URL in FileManager.default.enumerator(at: packs, includingPropertiesForKeys: nil)
            ?? .init()
        where !file.hasDirectoryPath && file.lastPathComponent != "facilitator-guide.html" {
            var text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if file.pathExtension == "imscc" {
                // The cartridge's quizzes carry keys and feedback by design (platforms score them and show feedback
                // after an attempt); everything else in it is for participants.
                text = try CLI.run(
                    [
                        "-c",
                        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write(''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist() if 'facilitator' not in n and not n.startswith('assessments/')))",
                        file.path,
                    ], executable: "/usr/bin/python3"
                ).stdout
            }
            #expect(!text.contains("LEAKMARK"), "\(file.lastPathComponent) leaks key or restricted text")
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test func aClipKeepsItsTimesHandoutAndTranscriptAndAStudioUploadIsReported() throws {
        let (folder, xml, result) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;start=60&amp;end=138\""))
        // 78 seconds of clip (2 minutes), not the 49-minute recording, plus the notes' reading time.
        #expect(xml.contains("<item id=\"v-interview\" kind=\"input\" duration=\"PT7M\""))
        #expect(xml.contains("resources=\"vid-clip interview-handout interview-en\""))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("files/static/interview-en.srt").path))
        #expect(try result.diagnostics().contains { $0.code == "OLX015" && $0.message.contains("0f3c9d2e-upload") })
    }

    @Test func cdataHTMLIsMarkupAndTheOverviewPageJoinsTheSummary() throws {
        let (folder, xml, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(xml.contains("<p>Listen for <strong>who</strong> decides.</p>"))
        #expect(!xml.contains("&lt;p&gt;"))
        #expect(xml.contains("<p>Checks for referral staff.</p>"))
        #expect(xml.contains("<p>OVERVIEWMARK Four short checks, one per referral step.</p>"))
    }
}
