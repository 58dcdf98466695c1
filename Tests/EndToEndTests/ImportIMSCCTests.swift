import Foundation
import Testing

/// `curriculum import --from imscc` through the built binary, on packages written from the IMS Common Cartridge
/// 1.1/1.3 and SCORM 1.2/2004 specifications, on broken and hostile ones, and on cartridges of our own exporter.
@Suite struct ImportIMSCCTests {
    static func fixture(_ name: String) -> String { CLI.fixture("import/imscc/" + name) }

    /// Imports a fixture into a fresh folder; the caller removes the folder.
    static func importing(_ source: String, _ extra: [String] = []) throws -> (CLI.Result, URL, String) {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("course.xml").path
        let result = try CLI.run(["import", source, "--out", out] + extra)
        return (result, folder, out)
    }

    /// Validates an imported file and packs it as Markdown notes, expecting both to succeed.
    static func validatesAndPacks(_ out: String, in folder: URL, sessions: [String]) throws {
        let validated = try CLI.run(["validate", out, "--format", "json"])
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(try validated.json()["summary"].flatMap { ($0 as? [String: Any])?["errors"] as? Int } == 0)
        let packs = folder.appendingPathComponent("packs").path
        let packed = try CLI.run(["pack", out, "--format", "md", "--out", packs])
        #expect(packed.status == 0, "\(packed.stderr)")
        for session in sessions {
            let notes = try FileManager.default.contentsOfDirectory(atPath: packs).filter {
                $0.hasSuffix("-" + session)
            }
            #expect(notes.count == 1, "no pack for \(session) in \(packs)")
        }
    }

    /// Diagnostics as `CODE file:line` for messages.
    static func listed(_ found: [(code: String, path: String, line: Int, message: String)]) -> [String] {
        found.map { "\($0.code) \($0.path):\($0.line)" }
    }

    // MARK: - Good packages

    @Test func aCommonCartridge13CourseImportsValidatesAndPacks() throws {
        let (imported, folder, out) = try Self.importing(Self.fixture("cc13-course"), ["--from", "imscc"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        // The QTI file is not a resource any more: its question is in the session's check, with its key.
        #expect(imported.stdout.contains("2 session(s), 8 agenda item(s), 8 resource(s)"), "\(imported.stdout)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        // LOM of the manifest: title, language, description, keywords, licence.
        #expect(xml.contains("xml:lang=\"en-GB\" id=\"working-together-locally\""))
        #expect(xml.contains("<title>Working Together Locally: Preventing Radicalisation through Partnership</title>"))
        #expect(xml.contains("<keyword>information sharing</keyword>"))
        #expect(xml.contains("<licence>CC BY 4.0</licence>"))
        // Top-level items are sessions; week 2 has three levels, so its children are days.
        #expect(xml.contains("<session id=\"s1\" number=\"1\" days=\"1\">"))
        #expect(xml.contains("<session id=\"s2\" number=\"2\" days=\"2\">"))
        #expect(xml.contains("<title>Sharing information</title>"), "the \"Day 1:\" prefix is the day number")
        #expect(xml.contains("<title>Building the local strategy</title>"))
        // Durations from the items' LOM, kinds from resource types and titles.
        #expect(
            xml.contains(
                "<item id=\"drafting-the-local-prevention-strategy\" kind=\"group-work\" duration=\"PT1H30M\""))
        #expect(xml.contains("<item id=\"welcome-and-course-overview\" kind=\"welcome\" duration=\"PT30M\""))
        #expect(xml.contains("<item id=\"discussion-first-signs-of-concern\" kind=\"plenary\" duration=\"PT45M\">"))
        #expect(xml.contains("<item id=\"knowledge-check\" kind=\"evaluation\" duration=\"PT15M\""))
        #expect(xml.contains("<question id=\"q-q_1\" type=\"true-false\">"))
        #expect(xml.contains("<option correct=\"true\">False</option>"))
        // The page's text is the item's instructions, without its title heading; the discussion's is the topic's.
        #expect(xml.contains("<li>two objectives for the next year;</li>"))
        #expect(!xml.contains("<strong>Drafting the local prevention strategy</strong>"))
        #expect(xml.contains("<strong>who did you tell</strong>"))
        // The web link's URL, the handout copied beside the XML, the dependency listed on the item.
        #expect(xml.contains("kind=\"link\" href=\"https://efus.eu/topics/risks-forms-of-crime/radicalisation/\""))
        #expect(xml.contains("resources=\"res-mapping-front-line-partners res-partner-map-worksheet\""))
        #expect(xml.contains("href=\"files/handouts/partner-map-worksheet.md\" media-type=\"text/markdown\""))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("files/handouts/partner-map-worksheet.md").path))
        // The lesson plan is for instructors only.
        #expect(xml.contains("href=\"files/instructor/lesson-plan.html\" media-type=\"text/html\" for=\"facilitator\""))
        try Self.validatesAndPacks(out, in: folder, sessions: ["s1", "s2"])
    }

    @Test func whatACartridgeHasNoPlaceForIsReportedAtItsLine() throws {
        let (result, folder, _) = try Self.importing(Self.fixture("cc13-course"), ["--format", "json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        let found = try result.diagnostics()
        #expect(
            found.contains { $0.code == "CC011" && $0.path.hasSuffix("cc13-course/imsmanifest.xml") && $0.line == 180 })
        #expect(
            found.contains {
                $0.code == "CC012" && $0.path.hasSuffix("pages/partner-map.html") && $0.line == 17
                    && $0.message.contains("<table>")
            }, "\(Self.listed(found))")
        #expect(!found.contains { $0.code == "CC008" }, "every item has its typical learning time")
    }

    @Test func aSCORM12PackageIsOneSessionWithItsLearningTimes() throws {
        let (imported, folder, out) = try Self.importing(Self.fixture("scorm12-early-signs"), ["--from", "scorm"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("1 session(s), 3 agenda item(s), 3 resource(s)"), "\(imported.stdout)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<title>Early Signs: E-learning for Front-line Staff</title>"))
        #expect(xml.contains("<keyword>front-line staff</keyword>"))
        // A flat organisation is one session, named after the organisation; HH:MM:SS times become durations.
        #expect(xml.contains("<title>Early signs of radicalisation</title>"))
        #expect(xml.contains("<item id=\"what-front-line-staff-notice\" kind=\"exercise\" duration=\"PT20M\""))
        #expect(xml.contains("<item id=\"three-scenarios-worry-or-warning-sign\" kind=\"exercise\" duration=\"PT45M\""))
        #expect(xml.contains("<item id=\"a-proportionate-first-response\" kind=\"exercise\" duration=\"PT25M\""))
        #expect(xml.contains("<li>Samir, 15, has stopped coming to football"))
        // The SCORM API script is copied for the pages but is no handout.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("files/sco/scorm-api.js").path))
        #expect(!xml.contains("scorm-api"))
        try Self.validatesAndPacks(out, in: folder, sessions: ["s1"])

        let json = try CLI.run([
            "import", Self.fixture("scorm12-early-signs"), "--out", out, "--force", "--format", "json",
        ])
        let found = try json.diagnostics()
        #expect(found.contains { $0.code == "CC010" && $0.path.hasSuffix("imsmanifest.xml") && $0.line == 59 })
        #expect(found.contains { $0.code == "CC010" && $0.message.contains("<prerequisites>") && $0.line == 76 })
        #expect(found.contains { $0.code == "CC012" && $0.path.hasSuffix("sco/scenarios.html") && $0.line == 17 })
    }

    @Test func aSCORM2004PackageReadsItsExternalMetadata() throws {
        let (imported, folder, out) = try Self.importing(
            Self.fixture("scorm2004-information-sharing"), ["--format", "json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(imported.status == 0, "\(imported.stdout)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        // The course's title and summary come from the file <adlcp:location> names.
        #expect(xml.contains("<title>Sharing Information between Local Partners</title>"))
        #expect(xml.contains("<title>Module 1: Why partners share</title>"))
        #expect(xml.contains("<title>Module 2: Sharing in practice</title>"))
        #expect(xml.contains("<item id=\"case-the-steering-group-meeting\" kind=\"exercise\" duration=\"PT1H10M\""))
        // The checklist item has no time of its own: its resource's external LOM gives it, and the title too.
        #expect(xml.contains("<item id=\"checklist-before-you-share\" kind=\"input\" duration=\"PT15M\""))
        #expect(xml.contains("<title>Before you share: a one-page checklist</title>"))
        let found = try imported.diagnostics()
        #expect(found.contains { $0.code == "CC010" && $0.path.hasSuffix("metadata/course-lom.xml") && $0.line == 18 })
        #expect(found.contains { $0.code == "CC010" && $0.message.contains("<sequencing>") && $0.line == 45 })
        #expect(!found.contains { $0.code == "CC002" }, "SCORM 2004 4th Edition is known: \(Self.listed(found))")
        try Self.validatesAndPacks(out, in: folder, sessions: ["s1", "s2"])
    }

    @Test func aCartridgeWithEmptyOrganizationsImportsItsResourcesOnly() throws {
        let (imported, folder, out) = try Self.importing(Self.fixture("cc11-resources-only"), ["--format", "json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(imported.status == 0, "\(imported.stdout)")
        #expect(try imported.diagnostics().contains { $0.code == "CC016" })
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("xml:lang=\"fr\""))
        #expect(!xml.contains("<sessions>"))
        #expect(xml.contains("kind=\"link\" href=\"https://strongcitiesnetwork.org/\""))
        #expect(xml.contains("<title>Réseau Strong Cities</title>"))
        #expect(xml.contains("href=\"files/handouts/visit-planner.md\""))
        let validated = try CLI.run(["validate", out])
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test(arguments: [
        ("cc10-city-pair", "IMS Common Cartridge 1.0"),
        ("cc11-resources-only", "IMS Common Cartridge 1.1"),
        ("cc12-families", "IMS Common Cartridge 1.2"),
        ("cc13-course", "IMS Common Cartridge 1.3"),
        ("scorm12-early-signs", "SCORM 1.2"),
        ("scorm2004-information-sharing", "SCORM 2004"),
        ("broken/unknown-namespace", "IMS Content Packaging"),
    ])
    func theFlavourIsDetectedFromTheManifest(fixture: String, flavour: String) throws {
        let (result, folder, out) = try Self.importing(
            Self.fixture(fixture), ["--format", "json", "--option", "defaultDuration=PT30M"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        let found = try result.diagnostics()
        #expect(
            found.contains {
                $0.code == "CC024" && $0.message == "the package is read as \(flavour)"
                    && $0.path.hasSuffix(fixture + "/imsmanifest.xml") && $0.line == 2
            }, "\(found.map { "\($0.code) \($0.message)" })")
        let validated = try CLI.run(["validate", out])
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test func olderCartridgeVersionsMapTheirLinksAndTopics() throws {
        let (old, oldFolder, oldOut) = try Self.importing(Self.fixture("cc10-city-pair"))
        defer { try? FileManager.default.removeItem(at: oldFolder) }
        // No typical learning times: the items are written without durations, and the core's rule asks for them.
        #expect(old.status == 1, "\(old.stdout)\(old.stderr)")
        #expect(old.stdout.contains("error[TIM002]"), "\(old.stdout)")
        let cc10 = try String(contentsOfFile: oldOut, encoding: .utf8)
        // A flat organisation without a title is one session named after the course.
        #expect(cc10.contains("<title>City Pair Exchange: Pre-visit Briefing</title>"))
        #expect(cc10.contains("<session id=\"s1\" number=\"1\" days=\"1\">"))
        #expect(cc10.contains("kind=\"link\" href=\"https://strongcitiesnetwork.org/\""))
        #expect(
            old.stdout.contains(
                "warning[CC008]: 2 agenda item(s) have no typical learning time and were left without a duration"))

        let (topic, topicFolder, topicOut) = try Self.importing(Self.fixture("cc12-families"))
        defer { try? FileManager.default.removeItem(at: topicFolder) }
        #expect(topic.status == 0, "\(topic.stdout)\(topic.stderr)")
        let cc12 = try String(contentsOfFile: topicOut, encoding: .utf8)
        // A plain-text topic that sends participants into groups is group work; its paragraphs are kept.
        #expect(cc12.contains("<item id=\"forum-what-parents-tell-us\" kind=\"group-work\" duration=\"PT40M\">"))
        #expect(cc12.contains("<p>Parents are often the first to worry and the last to ask for help.</p>"))
    }

    @Test func zippedPackagesImportLikeTheirFolders() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archives = try Self.makeArchives(in: folder)
        let fromZip = try CLI.run(["import", archives + "/cc13-course.imscc"])
        let fromFolder = try CLI.run(["import", Self.fixture("cc13-course")])
        #expect(fromZip.status == 0, "\(fromZip.stderr)")
        #expect(!fromZip.stdout.isEmpty)
        #expect(fromZip.stdout == fromFolder.stdout)
        #expect(fromZip.stderr.contains("cc13-course.imscc!/pages/partner-map.html:17:1: warning[CC012]"))

        // The manifest named on its own reads the files beside it.
        let fromManifest = try CLI.run(["import", Self.fixture("cc13-course/imsmanifest.xml")])
        #expect(fromManifest.status == 0, "\(fromManifest.stderr)")
        #expect(fromManifest.stdout == fromFolder.stdout)

        // A zip of the package's folder: the manifest one level down is found and reported.
        let nested = try CLI.run([
            "import", archives + "/scorm12-in-folder.zip", "--out", folder.appendingPathComponent("n.xml").path,
            "--format", "json",
        ])
        #expect(nested.status == 0, "\(nested.stdout)")
        #expect(
            try nested.diagnostics().contains {
                $0.code == "CC020" && $0.path.hasSuffix("scorm12-in-folder.zip!/early-signs/imsmanifest.xml")
            })
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("files/early-signs/sco/scenarios.html").path))
    }

    // MARK: - Broken packages

    @Test(arguments: [
        ("dangling-identifierref", "CC003", "imsmanifest.xml", 21),
        ("missing-file", "CC004", "imsmanifest.xml", 27),
        ("bad-duration", "CC007", "imsmanifest.xml", 24),
        ("unknown-element", "CC009", "imsmanifest.xml", 20),
        ("duplicate-identifier", "CC006", "imsmanifest.xml", 28),
        ("unknown-namespace", "CC002", "imsmanifest.xml", 2),
        ("unknown-namespace", "CC002", "imsmanifest.xml", 5),
    ])
    func aFlawIsAWarningAtItsLineAndTheRestIsImported(fixture: String, code: String, file: String, line: Int) throws {
        let (result, folder, out) = try Self.importing(
            Self.fixture("broken/" + fixture), ["--format", "json", "--option", "defaultDuration=PT30M"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        let found = try result.diagnostics()
        #expect(
            found.contains {
                $0.code == code && $0.path.hasSuffix("broken/\(fixture)/\(file)") && $0.line == line
            }, "\(Self.listed(found))")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<title>Who sits on the steering group</title>"))
    }

    @Test func anUnreadableDurationFallsBackToTheDefaultWhichIsReported() throws {
        let (result, folder, out) = try Self.importing(
            Self.fixture("broken/bad-duration"), ["--format", "json", "--option", "defaultDuration=20 minutes"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<item id=\"who-sits-on-the-steering-group\" kind=\"input\" duration=\"PT20M\""))
        #expect(xml.contains("<item id=\"role-play-the-first-meeting\" kind=\"role-play\" duration=\"PT1H15M\""))
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "CC008" && $0.message.contains("\"who-sits-on-the-steering-group\"") })
        #expect(found.contains { $0.code == "CC007" && $0.message.contains("most of the afternoon") })

        // Without the option, the item has no duration and the core's rule says so.
        let strict = try CLI.run([
            "import", Self.fixture("broken/bad-duration"), "--out", out, "--force", "--format", "json",
        ])
        #expect(strict.status == 1)
        #expect(try strict.diagnostics().contains { $0.code == "TIM002" })
    }

    @Test(arguments: [
        ("not-a-package", "IMP006", "broken/not-a-package", 1),
        ("wrong-root", "CC001", "wrong-root/imsmanifest.xml", 2),
        ("hostile-manifest", "IMP003", "hostile-manifest/imsmanifest.xml", 2),
        ("hostile-weblink", "IMP003", "hostile-weblink/links/further-reading.xml", 2),
    ])
    func aBrokenPackageIsRefusedWithItsFileAndLineAndNothingIsWritten(
        fixture: String, code: String, file: String, line: Int
    ) throws {
        try ImportHarness.expectRefused(
            Self.fixture("broken/" + fixture), from: "imscc", code: code, file: file, line: line)
    }

    @Test func aFolderWithoutAManifestIsNamedInTheError() throws {
        let result = try CLI.run(["import", Self.fixture("broken/not-a-package"), "--from", "imscc"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "error[IMP006]: the folder \"not-a-package\" has no imsmanifest.xml at its top: it is not an IMS content package"
            ), "\(result.stderr)")
    }

    @Test(arguments: ["zip-slip", "symlink", "bomb"])
    func aHostileArchiveIsRefusedAndNothingIsWritten(name: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archives = try Self.makeArchives(in: folder)
        let output = folder.appendingPathComponent("output")
        let result = try CLI.run([
            "import", "\(archives)/\(name).imscc", "--from", "imscc", "--out",
            output.appendingPathComponent("c.xml").path,
            "--format", "json",
        ])
        #expect(result.status == 1)
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "IMP005" && $0.path.hasSuffix("\(name).imscc") }, "\(Self.listed(found))")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped.txt").path))
    }

    @Test func aHostilePageIsReadAsTextWithoutItsEntitiesOrFiles() throws {
        let (result, folder, out) = try Self.importing(
            Self.fixture("broken/hostile-page"), ["--format", "json", "--option", "defaultDuration=PT30M"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stdout)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("The steering group meets monthly. &amp;secret; &amp;lol2;"), "entities stay unexpanded")
        #expect(!xml.contains("root:"), "no local file was read")
        #expect(!xml.contains("javascript:"))
        #expect(xml.contains("<p>Open the minutes</p>"), "the link's text stays")
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "CC012" && $0.message.contains("javascript:alert(1)") })
        #expect(
            found.contains { $0.code == "CC012" && $0.message.contains("<iframe>") && $0.path.hasSuffix("roles.html") })
    }

    // MARK: - Round trip

    @Test func aCartridgeOfOurOwnExporterImportsWithItsAgendaAndPacksAgain() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let first = folder.appendingPathComponent("first").path
        let packed = try CLI.run(["pack", liaise, "--session", "s1", "--format", "imscc", "--out", first, "--zip"])
        #expect(packed.status == 0, "\(packed.stderr)")

        let imported = folder.appendingPathComponent("imported/liaise.xml").path
        let result = try CLI.run(["import", first + "/liaise-s1/liaise-s1.imscc", "--out", imported])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 session(s), 25 agenda item(s)"), "\(result.stdout)")
        let validated = try CLI.run(["validate", imported])
        #expect(validated.status == 0, "\(validated.stdout)")

        // Every agenda line — clock times, title, duration — survives, and so do the days' titles.
        let original = try Self.agenda(of: liaise, session: "s1")
        let back = try Self.agenda(of: imported, session: "s1")
        #expect(original.count == 27, "\(original)")
        #expect(back == original)
        let xml = try String(contentsOfFile: imported, encoding: .utf8)
        // The quizzes come back as the session's questions, with their keys: session 1's two pre-session and ten
        // end-of-session questions, and the right option of q-aw-1.
        #expect(xml.components(separatedBy: "<question id=").count - 1 == 12, "the imported questions")
        #expect(
            xml.contains(
                "<option correct=\"true\">part of the local, integrated crime-prevention and security policy</option>"),
            "the key of q-aw-1 survives the round trip")
        #expect(xml.contains("id=\"liaise\""))
        // The cartridge's own metadata gives back each item's ID, kind and duration, breaks and meals included.
        #expect(xml.contains("<item id=\"s1-break-1\" kind=\"break\" duration=\"PT15M\""))
        #expect(xml.contains("<item id=\"s1-lunch-1\" kind=\"meal\" duration=\"PT60M\""))
        #expect(xml.contains("<item id=\"a-aw-map\" kind=\"group-work\" duration=\"PT75M\""))
        #expect(xml.contains("<item id=\"s1-evaluation\" kind=\"evaluation\""))

        // Read independently of CurriculumKit, by Python: the session, its days, every agenda item's ID, kind,
        // duration and title, and each instrument's ID, kind, audience and title with its questions' IDs, types,
        // text, options and keys come back as they were (instruments as the questions they hold).
        let summary = try Self.sessionSummary(of: liaise + "/liaise.xml", session: "s1")
        #expect(summary.contains("\"kind\": \"pre\"") && summary.contains("\"q-s1-pre-1\""), "\(summary)")
        #expect(try Self.sessionSummary(of: imported, session: "s1") == summary)

        // The import packs again, and a cartridge of the import imports to the same agenda.
        let second = folder.appendingPathComponent("second").path
        let repacked = try CLI.run(["pack", imported, "--format", "imscc", "--format", "md", "--out", second])
        #expect(repacked.status == 0, "\(repacked.stderr)")
        let again = folder.appendingPathComponent("again/liaise.xml").path
        let reimported = try CLI.run(["import", second + "/liaise-s1/liaise-s1.imscc", "--out", again])
        #expect(reimported.status == 0, "\(reimported.stdout)")
        #expect(try Self.agenda(of: again, session: "s1") == original)
        #expect(try Self.sessionSummary(of: again, session: "s1") == summary)
    }

    /// A French cartridge imports to the same instruments and questions: IDs, kinds and keys do not depend on the
    /// language of the pages, and the agreement scale written into a Likert question's text is taken off again.
    @Test func aFrenchCartridgeOfOurOwnExporterGivesBackTheSameInstrumentsAndKeys() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let packed = try CLI.run([
            "pack", liaise, "--session", "s1", "--format", "imscc", "--language", "fr", "--out", folder.path,
        ])
        #expect(packed.status == 0, "\(packed.stderr)")
        let imported = folder.appendingPathComponent("imported/liaise.xml").path
        let result = try CLI.run(["import", folder.path + "/liaise-s1.fr/liaise-s1.imscc", "--out", imported])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let xml = try String(contentsOfFile: imported, encoding: .utf8)
        #expect(xml.contains("<instrument id=\"ev-s1-pre\" kind=\"pre\" for=\"participant\">"), "\(xml)")
        #expect(xml.contains("<instrument id=\"ev-s1-post\" kind=\"post\" for=\"participant\">"))
        #expect(xml.contains("<question id=\"q-s1-post-2\" type=\"single\" graded=\"no\">"))
        #expect(
            xml.contains(
                "<text>La session était utile pour mon travail quotidien.</text>"),
            "the Likert question's text without the scale")
        #expect(!xml.contains("id=\"q-q-"), "question IDs come back without a prefix")
    }

    // MARK: - Helpers

    /// The day headings and agenda lines of `curriculum show`, without kinds and module markers.
    static func agenda(of path: String, session: String) throws -> [String] {
        let shown = try CLI.run(["show", path, "--session", session])
        #expect(shown.status == 0, "\(shown.stderr)")
        return shown.stdout.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Day ") {
                // "Day 1 — 2027-03-09: Title" with a delivery, "Day 1: Title" without.
                return text.split(separator: ":", maxSplits: 1).last.map { "day:" + $0 }
            }
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count > 2, parts[0].count == 11, parts[0].contains("–") else { return nil }
            var title = parts.dropFirst(2).joined(separator: " ")
            // The module an item was placed from, "[m-awareness]", is not part of a cartridge.
            if title.hasSuffix("]"), let marker = title.range(of: " [", options: .backwards) {
                title = String(title[..<marker.lowerBound])
            }
            return "\(parts[0]) \(title)"
        }
    }

    /// The JSON summary `session_summary.py` prints of a session: what a round trip through a cartridge keeps.
    static func sessionSummary(of path: String, session: String) throws -> String {
        let result = try CLI.run(
            [CLI.fixture("imscc/session_summary.py"), path, session], executable: "/usr/bin/python3")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// Runs the fixture generator; returns the folder holding the archives.
    static func makeArchives(in folder: URL) throws -> String {
        let archives = folder.appendingPathComponent("archives").path
        let made = try CLI.run([Self.fixture("make_archives.py"), archives], executable: "/usr/bin/python3")
        #expect(made.status == 0, "\(made.stderr)")
        return archives
    }
}
