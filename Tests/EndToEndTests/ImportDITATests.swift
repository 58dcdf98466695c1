import Foundation
import Testing

/// `curriculum import --from dita` through the built binary, on courses written from the DITA 1.3 Learning and
/// Training specification.
@Suite struct ImportDITATests {
    static let course = CLI.fixture("import/dita/good")

    /// The text of the element that starts with `start`, up to the first `end` after it.
    static func block(_ xml: String, from start: String, to end: String) -> String? {
        guard let lower = xml.range(of: start), let upper = xml.range(of: end, range: lower.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[lower.lowerBound..<upper.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aLearningMapImportsValidatesAndPacks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("partners.xml").path

        let imported = try CLI.run(["import", Self.course, "--from", "dita", "--out", out])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("2 module(s), 2 session(s), 7 agenda item(s), 4 resource(s)"))
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<title>Working with local partners to prevent radicalisation</title>"))
        #expect(xml.contains("<subtitle>Multi-agency prevention of violent radicalisation at local level</subtitle>"))
        #expect(xml.contains("xml:lang=\"en-GB\" id=\"local-partners\""))

        // Learning objects are modules; learning groups are one-day sessions placing their activities.
        #expect(Self.count("<module ", in: xml) == 2)
        #expect(Self.count("<activity ", in: xml) == 6)
        #expect(Self.count("<session ", in: xml) == 2)
        #expect(Self.count("<use ", in: xml) == 6)
        #expect(xml.contains("<module id=\"lo-partners\">\n      <title>Who our partners are</title>"))
        #expect(xml.contains("<session id=\"day-1\" number=\"1\" days=\"1\""))
        #expect(xml.contains("<title>Day 2: Acting on a shared concern</title>"))
        #expect(xml.contains("<use module=\"lo-partners\" activity=\"partners-map\"/>"))

        // The group's own overview, reached through a key, is the session's welcome item.
        let welcome = try #require(Self.block(xml, from: "<item id=\"course-overview\"", to: "</item>"))
        #expect(welcome.contains("kind=\"welcome\" duration=\"PT30M\""))
        #expect(welcome.contains("through the Local Prevention Network, early and lawfully."), "keyword keyref")

        // Topic types give the kinds; lcDuration ("1 hour", "45 minutes") and lcLom give the durations.
        #expect(xml.contains("<activity id=\"partners-overview\" kind=\"input\" duration=\"PT10M\">"))
        #expect(
            xml.contains(
                "<activity id=\"partners-exercise\" kind=\"exercise\" duration=\"PT1H\" develops=\"obj-identify obj-map\" resources=\"res-referral-checklist\">"
            ))
        #expect(xml.contains("<activity id=\"partners-summary\" kind=\"plenary\" duration=\"PT15M\">"))
        #expect(
            xml.contains(
                "<activity id=\"sharing-information\" kind=\"input\" duration=\"PT45M\" develops=\"obj-share\""))
        #expect(
            xml.contains(
                "<activity id=\"sharing-check\" kind=\"evaluation\" duration=\"PT20M\" assesses=\"obj-share\">"))

        // The instructor note is the facilitator notes, not participant text.
        let exercise = try #require(Self.block(xml, from: "<activity id=\"partners-exercise\"", to: "</activity>"))
        let notes = try #require(Self.block(exercise, from: "<facilitator-notes>", to: "</facilitator-notes>"))
        #expect(notes.contains("Walk between the groups."))
        let instructions = try #require(
            Self.block(exercise, from: "<participant-instructions>", to: "</participant-instructions>"))
        #expect(!instructions.contains("Walk between the groups."))
        #expect(
            instructions.contains("<li>Write each partner organisation on a card, using the referral checklist.</li>"))

        // Objectives: the overview's are developed by the content topics; a summary's restatement is the same one.
        #expect(xml.contains("<objective id=\"obj-map\" domain=\"skill\" level=\"create\">"))
        #expect(xml.contains("<objective id=\"obj-identify\" domain=\"knowledge\" level=\"remember\">"))
        #expect(Self.count("<objective ", in: xml) == 3)
        #expect(xml.contains("<objectives-ref refs=\"obj-identify obj-map\"/>"))

        // The assessment's interactions are the module's questions, drawn in by a post-session instrument.
        #expect(xml.contains("<question id=\"q-first-step\" type=\"single\" assesses=\"obj-share\">"))
        #expect(xml.contains("<question id=\"q-legal-basis\" type=\"multiple\" assesses=\"obj-share\">"))
        #expect(xml.contains("<question id=\"q-record\" type=\"single\" assesses=\"obj-share\">"))
        #expect(xml.contains("<question id=\"q-own-case\" type=\"open\" assesses=\"obj-share\">"))
        #expect(
            xml.contains("<option correct=\"true\">Talk with the young person and write down what was said</option>"))
        #expect(xml.contains("<instrument id=\"eval-lo-sharing\" kind=\"post\">"))
        #expect(xml.contains("<questions-from module=\"lo-sharing\"/>"))

        // The plan gives the audience; images and handouts are copied, external links are link resources.
        #expect(xml.contains("<audience id=\"aud-network-coordinators-and-front-line-staff\" role=\"participant\">"))
        #expect(xml.contains("<owner>Municipal prevention team</owner>"))
        #expect(
            xml.contains(
                "<resource id=\"res-partnership-map\" kind=\"image\" href=\"files/images/partnership-map.png\">"))
        #expect(xml.contains("<accessibility alt=\"Six partner organisations in a circle around a young person"))
        #expect(xml.contains("kind=\"link\" href=\"https://www.coe.int/en/web/data-protection\""))
        #expect(xml.contains("<title>Referral checklist</title>"))
        for file in ["files/images/partnership-map.png", "files/handouts/referral-checklist.pdf"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }

        let validated = try CLI.run(["validate", out, "--format", "json"])
        #expect(validated.status == 0, "\(validated.stdout)")
        let packs = folder.appendingPathComponent("packs").path
        let packed = try CLI.run(["pack", out, "--format", "md", "--out", packs])
        #expect(packed.status == 0, "\(packed.stderr)")
        #expect(FileManager.default.fileExists(atPath: packs + "/local-partners-day-1/day-1.md"))
        #expect(FileManager.default.fileExists(atPath: packs + "/local-partners-day-2/day-2.md"))
    }

    @Test func whatCannotBeMappedIsReportedAtItsPlaceInTheSource() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try CLI.run([
            "import", Self.course, "--out", folder.appendingPathComponent("good.xml").path, "--format", "json",
        ])
        #expect(good.status == 0)
        let out = folder.appendingPathComponent("roles.xml").path
        let result = try CLI.run([
            "import", CLI.fixture("import/dita/unknown-elements"), "--from", "dita", "--out", out, "--format", "json",
        ])
        #expect(result.status == 0, "warnings only: \(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: out))
        let found = try good.diagnostics() + result.diagnostics()
        func has(_ code: String, _ file: String, line: Int, _ words: String) -> Bool {
            found.contains {
                $0.code == code && $0.path.hasSuffix(file) && $0.line == line && $0.message.contains(words)
            }
        }
        #expect(has("DITA009", "good/topics/plan.dita", line: 26, "<lcTechnical>"))
        #expect(has("DITA009", "unknown-elements/roles.ditamap", line: 12, "<reltable>"))
        #expect(has("DITA009", "topics/roles-table.dita", line: 10, "<fn>"))
        #expect(has("DITA009", "topics/roles-table.dita", line: 11, "<simpletable>"))
        #expect(has("DITA014", "topics/roles-table.dita", line: 21, "shared/disclaimers.dita"))
        #expect(has("DITA012", "topics/roles-check.dita", line: 10, "<lcMatching>"))
        // Right answers and feedback are the questions' keys now, not unmapped elements.
        #expect(!found.contains { $0.code == "DITA009" && $0.message.contains("<lcCorrectResponse>") })
        #expect(!found.contains { $0.code == "DITA009" && $0.message.contains("<lcFeedback>") })
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<question id=\"q-first-contact\" type=\"single\">"))
        #expect(!xml.contains("q-match-roles"))
    }

    @Test func aZipOfTheCourseImportsLikeTheFolder() throws {
        let zip = CLI.fixture("import/dita/partners-course.zip")
        let fromZip = try CLI.run(["import", zip, "--from", "dita"])
        let fromFolder = try CLI.run(["import", Self.course, "--from", "dita"])
        let fromMap = try CLI.run(["import", Self.course + "/partners-course.ditamap"])
        #expect(fromZip.status == 0, "\(fromZip.stderr)")
        #expect(fromZip.stdout.contains("<programme "))
        #expect(fromZip.stdout == fromFolder.stdout, "the files keep their paths relative to the map")
        #expect(fromMap.stdout == fromFolder.stdout, "a map file is read with the topics beside it")
        #expect(
            fromZip.stderr.contains("partners-course.zip!/partners-course/topics/plan.dita:26:5"), "\(fromZip.stderr)")

        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CLI.run(["import", zip, "--out", folder.appendingPathComponent("p.xml").path])
        #expect(written.status == 0)
        let copied = try Data(contentsOf: folder.appendingPathComponent("files/handouts/referral-checklist.pdf"))
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.course + "/handouts/referral-checklist.pdf"))
        #expect(copied == original)
    }

    @Test(arguments: [
        ("missing-topic", "DITA003", "missing-topic/referral.ditamap", 10),
        ("empty-href", "DITA004", "empty-href/referral.ditamap", 10),
        ("undefined-keyref", "DITA006", "undefined-keyref/referral.ditamap", 11),
    ])
    func aBrokenReferenceIsReportedAtItsPlaceAndTheRestImported(
        fixture: String, code: String, file: String, line: Int
    ) throws {
        try ImportHarness.expectPartial(
            CLI.fixture("import/dita/" + fixture), from: "dita", code: code, file: file, line: line)
    }

    @Test(arguments: [
        ("id-mismatch", "DITA005", "id-mismatch/referral.ditamap", 9),
        ("id-mismatch", "IMP007", "dita/id-mismatch", 1),
        ("hostile", "IMP003", "hostile/topics/referral-form.dita", 2),
        ("no-map", "DITA001", "dita/no-map", 1),
        ("ambiguous-maps", "DITA002", "dita/ambiguous-maps", 1),
    ])
    func aBrokenCourseIsRefusedWithItsFileAndLineAndNothingIsWritten(
        fixture: String, code: String, file: String, line: Int
    ) throws {
        try ImportHarness.expectRefused(
            CLI.fixture("import/dita/" + fixture), from: "dita", code: code, file: file, line: line)
    }

    @Test func aHostileTopicIsRefusedByNameWithoutExpandingIt() throws {
        let result = try CLI.run(["import", CLI.fixture("import/dita/hostile"), "--from", "dita"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no XML is printed")
        #expect(result.stderr.contains("hostile/topics/referral-form.dita:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("internal subset"))
        #expect(!result.stderr.contains("lollol"))
    }

    @Test func aKeyThatTheMapDoesNotDefineIsReportedInTheTopic() throws {
        let result = try CLI.run([
            "import", CLI.fixture("import/dita/undefined-keyref"), "--from", "dita", "--out",
            FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString).xml").path,
            "--format", "json",
        ])
        let found = try result.diagnostics()
        #expect(
            found.contains {
                $0.code == "DITA007" && $0.path.hasSuffix("undefined-keyref/topics/when-to-refer.dita") && $0.line == 11
                    && $0.message.contains("keyref=\"panel\"")
            })
        #expect(found.contains { $0.code == "DITA006" && $0.message.contains("keyref=\"referral-form\"") })
    }

    @Test func durationsThatCannotBeReadAreWarnedAndTheActivityKeepsNone() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("week.xml").path
        let result = try CLI.run([
            "import", CLI.fixture("import/dita/durations"), "--from", "dita", "--out", out, "--format", "json",
        ])
        #expect(result.status == 1, "the rule TIM002 fails the run")
        let found = try result.diagnostics()
        for (file, text) in [("topics/site-visit.dita", "half a day"), ("topics/panel-simulation.dita", "TBD")] {
            #expect(
                found.contains {
                    $0.code == "DITA008" && $0.path.hasSuffix(file) && $0.line == 7 && $0.message.contains(text)
                }, "\(file)")
            #expect(found.contains { $0.code == "TIM002" && $0.path.hasSuffix(file) }, "\(file)")
        }
        #expect(!found.contains { $0.code == "DITA008" && $0.path.hasSuffix("case-discussion.dita") })
        #expect(FileManager.default.fileExists(atPath: out), "rule findings do not stop the import")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<activity id=\"case-discussion\" kind=\"input\" duration=\"PT1H30M\">"), "1.5 hours")
        #expect(xml.contains("<activity id=\"local-strategy\" kind=\"input\" duration=\"PT45M\">"), "free text")
        #expect(xml.contains("<activity id=\"site-visit\" kind=\"input\">"))
        #expect(xml.contains("<activity id=\"panel-simulation\" kind=\"input\">"))
    }

    @Test func theLearningMapIsChosenAmongSeveralMaps() throws {
        let result = try CLI.run(["import", CLI.fixture("import/dita/two-maps"), "--from", "dita"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<title>Referral pathways</title>"))
        #expect(!result.stdout.contains("Referral handbook"))
    }

    @Test func plainMapsAndLearningBookMapsImportToo() throws {
        let plain = try CLI.run(["import", CLI.fixture("import/dita/plain-map"), "--from", "dita"])
        #expect(plain.status == 0, "\(plain.stderr)")
        // Each top-level topicref with what is below it is a module; a task is an exercise with numbered steps.
        #expect(Self.count("<module ", in: plain.stdout) == 2)
        #expect(plain.stdout.contains("<module id=\"noticing-and-talking\">"))
        #expect(
            plain.stdout.contains(
                "<activity id=\"talking-to-a-young-person\" kind=\"exercise\" duration=\"PT50M\">"))
        #expect(plain.stdout.contains("<li>Agree on a next meeting before you end the conversation.</li>"))
        #expect(plain.stdout.contains("divides the world into us and them;"))
        #expect(
            plain.stdout.contains("kind=\"input\" duration=\"PT20M\""), "<data name=\"duration\" value=\"20 minutes\">")

        let book = try CLI.run(["import", CLI.fixture("import/dita/bookmap"), "--from", "dita"])
        #expect(book.status == 0, "\(book.stderr)")
        #expect(book.stdout.contains("<title>The prevention panel: a short course</title>"))
        #expect(book.stdout.contains("<subtitle>For new panel members</subtitle>"))
        #expect(book.stdout.contains("<use module=\"lo-panel\" activity=\"panel-meeting\"/>"))
        #expect(book.stdout.contains("domain=\"knowledge\" level=\"understand\""))
    }
}
