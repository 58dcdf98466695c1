import Foundation
import Testing

/// What platforms make of a cartridge: the shape per target (`lms`), quizzes that carry their key for scoring and
/// nothing for facilitators only, and pages in the language rendered.
@Suite(.serialized) struct CartridgePlatformTests {
    static let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path

    /// The text of every entry of a cartridge, by path, read by Python's `zipfile`.
    static func entries(_ archive: String) throws -> [String: String] {
        let result = try CLI.run(
            [
                "-c",
                "import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: z.read(n).decode('utf-8', 'replace') for n in z.namelist()}))",
                archive,
            ], executable: "/usr/bin/python3")
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
    }

    @Test func anOpenEdXCartridgeNestsEveryDayThreeLevelsDeepAndLeavesTheGuideOutWithANote() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"name": "imscc", "options": {"lms": "openedx"}}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--config", config.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("IMS010"))
        let check = try CLI.run(
            [
                CLI.fixture("imscc/check_imscc.py"), out.appendingPathComponent("liaise-s1/liaise-s1.imscc").path,
                CLI.fixture("schemas/imscc-1.1"), "--lms", "openedx",
            ], executable: "/usr/bin/python3")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("instructor resource: none"))
        // cc2olx rewrites only $IMS-CC-FILEBASE$ (to where it put web_resources/), so handout links use it.
        let pages = try Self.entries(out.appendingPathComponent("liaise-s1/liaise-s1.imscc").path)
            .filter { $0.key.hasPrefix("items/") }.map(\.value).joined()
        #expect(pages.contains("href=\"$IMS-CC-FILEBASE$/liaise/handouts/actor-map-worksheet.html\""))
        #expect(!pages.contains("href=\"../web_resources/"))
    }

    @Test func anUnknownTargetIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"name": "imscc", "options": {"lms": "blackboard"}}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--config", config.path, "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("option lms must be one of moodle, canvas, openedx"))
    }

    @Test func quizzesScoreTheKeyedAnswerAndNeverCarryTheExplanation() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", CLI.fixture("answer-keys/quiz.xml"), "--format", "imscc", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try #require(
            try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first {
                $0.hasDirectoryPath
            })
        let archive = try #require(
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first {
                $0.pathExtension == "imscc"
            })
        let check = try CLI.run(
            [CLI.fixture("imscc/check_imscc.py"), archive.path, CLI.fixture("schemas/imscc-1.1")],
            executable: "/usr/bin/python3")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let quizzes = try Self.entries(archive.path).filter { $0.key.hasPrefix("assessments/") }.map(\.value)
        #expect(!quizzes.isEmpty)
        let all = quizzes.joined()
        #expect(all.contains("<setvar varname=\"SCORE\" action=\"Set\">100</setvar>"), "a keyed question is scored")
        #expect(all.contains("KEYMARK-ANSWER municipality"), "the accepted answer scores the short answer")
        #expect(all.contains("KEYMARK-FEEDBACK-1"), "feedback is shown after an answer")
        #expect(!all.contains("KEYMARK-EXPLANATION"), "explanations are for facilitators only")
        // Moodle's importer accepts a true/false question only with the identifiers true and false.
        #expect(all.contains("<response_label ident=\"true\">") && all.contains("<response_label ident=\"false\">"))
    }

    @Test func trueFalseAndMultipleResponseQuestionsKeepTheirKeysInMoodle() throws {
        for language in ["en", "fr"] {
            let out = try CLI.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try CLI.run([
                "pack", CLI.fixture("answer-keys/moodle-keys.xml"), "--format", "imscc", "--language", language,
                "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("IMS015"), "a true/false question of three options is reported")
            let archive = try #require(
                FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
                    .first { $0.pathExtension == "imscc" })
            // The check fails a true/false item without the labels true and false (Moodle stops the restore with
            // "Unknown answer identifier"), one whose "False" option sits under the label true, and a keyed
            // multiple-response item with no varequal marked case="Yes" (Moodle finds no right answer).
            let check = try CLI.run(
                [CLI.fixture("imscc/check_imscc.py"), archive.path, CLI.fixture("schemas/imscc-1.1")],
                executable: "/usr/bin/python3")
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            let quiz = try Self.entries(archive.path).filter { $0.key.hasPrefix("assessments/") }.map(\.value).joined()
            #expect(
                Self.item("q-tf-false-first", in: quiz).contains("<varequal respident=\"response1\">false</varequal>"))
            #expect(Self.item("q-tf-plain", in: quiz).contains("<varequal respident=\"response1\">true</varequal>"))
            let three = Self.item("q-tf-three", in: quiz)
            #expect(three.contains("cc.multiple_choice.v0p1") && three.contains("<response_label ident=\"option3\">"))
            let multi = Self.item("q-multi", in: quiz)
            #expect(multi.contains("<varequal respident=\"response1\" case=\"Yes\">option3</varequal>"))
        }
    }

    @Test func forMoodleTheGuideCarriesItsFacilitatorOnlyPagesInsteadOfLinkingThem() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var guides: [String: String] = [:]
        for lms in ["moodle", "canvas"] {
            let out = folder.appendingPathComponent(lms)
            let result = try CLI.run([
                "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--plugin-option", "imscc.lms=\(lms)",
                "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let archive = out.appendingPathComponent("liaise-s1/liaise-s1.imscc").path
            guides[lms] = try Self.entries(archive)["instructor/facilitator-guide.html"] ?? ""
        }
        // Moodle fails to carry a page's link to another HTML file ("error migrating file") and strips ids, so the
        // protocol is in the guide itself, under its title, and named without a link where the guide lists it.
        let moodle = guides["moodle"] ?? ""
        #expect(moodle.contains("<h2>Disclosure and distress protocol</h2>"))
        #expect(moodle.contains("<li>Disclosure and distress protocol (Checklist)"))
        #expect(moodle.contains("Facilitator-only. Read before every session"))
        #expect(!moodle.contains("href=\"files/"))
        // Canvas keeps the file and the link to it.
        #expect(
            (guides["canvas"] ?? "").contains("href=\"files/liaise/handouts/disclosure-and-distress-protocol.html\""))
    }

    /// The text of one QTI item of a quiz, from its start tag to its end tag.
    static func item(_ ident: String, in quiz: String) -> String {
        guard let start = quiz.range(of: "<item ident=\"\(ident)\"") else { return "" }
        guard let end = quiz.range(of: "</item>", range: start.upperBound..<quiz.endIndex) else { return "" }
        return String(quiz[start.lowerBound..<end.upperBound])
    }

    @Test func aFrenchCartridgeSaysNothingInEnglishOfItsOwn() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try Self.entries(out.appendingPathComponent("liaise-s1.fr/liaise-s1.imscc").path)
        let pages = entries.filter { $0.key.hasPrefix("items/") }.map(\.value).joined()
        for english in [
            "Day 1", "Purpose", "What you will do", "Handouts and links", "(Worksheet)", "About this session",
            "Strongly agree",
        ] {
            #expect(!pages.contains(english), "a French page says \"\(english)\"")
        }
        // The words are the export kit's French catalogue, the same as the HTML participant pack's.
        for french in ["Jour 1", "Finalité", "Ce que vous allez faire", "Documents et liens", "(Fiche de travail)"] {
            #expect(pages.contains(french), "no French page says \"\(french)\"")
        }
        #expect(!pages.contains("cartridge."), "a catalogue key with no string shows as the key itself")
        let manifest = try #require(entries["imsmanifest.xml"])
        #expect(manifest.contains("<title>À propos de la session</title>"))
        #expect(manifest.contains("<title>Programme de la journée · Jour 1</title>"))
        #expect(!manifest.contains("<title>Day 1"))
        let quizzes = entries.filter { $0.key.hasPrefix("assessments/") }.map(\.value).joined()
        #expect(quizzes.contains("Tout à fait d'accord") && !quizzes.contains("Strongly agree"))
        let guide = try #require(entries["instructor/facilitator-guide.html"])
        #expect(guide.contains("Réservé aux animateurs.") && guide.contains("<h2>Corrigé</h2>"))
        // Keywords are written in the pack's language and tagged with it; none stays English under a French tag.
        #expect(manifest.contains("<lomimscc:string language=\"fr\">prévention de la radicalisation violente<"))
        #expect(!manifest.contains("prevention of violent radicalisation"))
    }

    /// A language the session has no translation into is refused the way every exporter refuses it: a warning,
    /// and the cartridge in the programme's language throughout, words and content alike.
    @Test func aLanguageTheSessionLacksGivesAWarningAndTheSourceLanguageThroughout() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--language", "de", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("warning[IMS014]: session \"s1\" is not translated into \"de\""), "\(result.stderr)")
        let archive = try #require(
            FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first {
                $0.hasSuffix(".imscc")
            })
        let entries = try Self.entries(out.appendingPathComponent(archive).path)
        let pages = entries.filter { $0.key.hasPrefix("items/") }.map(\.value).joined()
        #expect(pages.contains("<div lang=\"en\">") && !pages.contains("<div lang=\"de\">"))
        #expect(pages.contains("Day 1") && pages.contains("What you will do"))
    }

    /// The cartridge's pages take their visibility, words, escaping and rich text from the export kit: no file of the
    /// exporter decides what participants see, escapes HTML, or holds a table of words of its own. (The importer,
    /// under `Import/`, and the XML writer, which escapes XML, are not pages.)
    @Test func theCartridgeExporterHasNoVisibilityRendererOrWordsOfItsOwn() throws {
        let folder = CLI.packageRoot.appendingPathComponent("Plugins/imscc")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("Pages.swift"))
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["isVisibleToParticipants", "byDefault:", "CartridgeStrings", "\"&amp;\"", "\"&lt;\""] {
                #expect(!source.contains(forbidden), "\(file) holds \(forbidden)")
            }
            if file != "XMLWriter.swift" {
                #expect(
                    !source.contains("MarkupEscaping"), "\(file) escapes text itself instead of the kit's HTMLEscaping")
            }
        }
    }

    /// The checker that the other tests rely on fails a cartridge laid out the old way: a full HTML document with an
    /// `<h1>` as a page, and section 0 showing a resource instead of grouping the About page.
    @Test func theMoodleLayoutCheckFailsAFullDocumentPageAndASectionThatShowsAResource() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "imscc", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let good = out.appendingPathComponent("liaise-s1/liaise-s1.imscc").path
        let bad = out.appendingPathComponent("bad.imscc").path
        let rewrite = try CLI.run(
            [
                "-c",
                """
                import sys, zipfile
                source, target = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], 'w')
                for name in source.namelist():
                    data = source.read(name)
                    if name == 'items/about.html':
                        data = b'<!DOCTYPE html><html><body><h1>About</h1></body></html>'
                    if name == 'imsmanifest.xml':
                        data = data.replace(b'<item identifier="about">', b'<item identifier="about" identifierref="page-about">', 1)
                    target.writestr(name, data)
                target.close()
                """,
                good, bad,
            ], executable: "/usr/bin/python3")
        #expect(rewrite.status == 0, "\(rewrite.stderr)")
        let check = try CLI.run(
            [CLI.fixture("imscc/check_imscc.py"), bad, CLI.fixture("schemas/imscc-1.1")],
            executable: "/usr/bin/python3")
        #expect(check.status == 1)
        #expect(check.stdout.contains("is not a body-only fragment"), "\(check.stdout)")
        #expect(check.stdout.contains("section item about shows a resource"), "\(check.stdout)")
    }

    /// Markdown handouts arrive as pages rendered by the export kit (cmark-gfm): headings one level down, tables and
    /// lists as HTML, blanks to fill in as written, and only the part in the cartridge's language, without the
    /// separator before the next language as an empty card.
    @Test func aMarkdownHandoutBecomesAPageWithItsTableAndItsBlanks() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "imscc", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try Self.entries(out.appendingPathComponent("liaise-s1/liaise-s1.imscc").path)
        #expect(!entries.keys.contains { $0.hasSuffix(".md") }, "no raw Markdown reaches participants")
        let page = try #require(entries["web_resources/liaise/handouts/local-strategy-template.html"])
        #expect(page.hasPrefix("<div lang=\"en\">\n<h2>Local strategy outline — template</h2>"))
        #expect(page.contains("<tr>\n<th>Section</th>\n<th>Your outline</th>\n</tr>"))
        #expect(page.contains("<strong>Municipality:</strong> ______________________ <strong>Drafted by:</strong>"))
        #expect(!page.contains("Modèle de trame") && !page.contains("<section class=\"card\">"))
        let french = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "imscc", "--language", "fr", "--out", out.path,
        ])
        #expect(french.status == 0, "\(french.stderr)")
        let frenchEntries = try Self.entries(out.appendingPathComponent("liaise-s1.fr/liaise-s1.imscc").path)
        let frenchPage = try #require(frenchEntries["web_resources/liaise/handouts/local-strategy-template.html"])
        #expect(
            frenchPage.hasPrefix("<div lang=\"fr\">\n<h2>Modèle de trame de stratégie locale</h2>"), "\(frenchPage)")
        #expect(!frenchPage.contains("Local strategy outline"))
    }
}
