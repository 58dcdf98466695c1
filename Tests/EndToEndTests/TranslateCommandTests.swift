import Foundation
import Testing

/// `curriculum translate`: XLIFF 1.2 out, read and filled in by a third-party XLIFF reader (Debian's
/// translate-toolkit), and back into the exact `<t xml:lang>` elements, nothing else in the files changed.
@Suite struct TranslateCommandTests {
    /// A fresh `curriculum init` starter in a temporary folder.
    private func starter() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["init", folder.appendingPathComponent("w").path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("w")
    }

    /// Runs Python with translate-toolkit's XLIFF reader on a script that gets `store` (the parsed file) and
    /// `units` (its translation units); `sys.argv[1:]` are the arguments.
    private func python(_ script: String, _ arguments: [String]) throws -> CLI.Result {
        let program = """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsefile(sys.argv[1])
            units = [u for u in store.units if not u.isheader()]
            CK = '{urn:curriculumkit:xliff:1}'

            """ + script
        return try CLI.run(["-c", program] + arguments, executable: "/usr/bin/python3")
    }

    /// Declares French as a translation language of the programme and of its session.
    private func declareFrench(in workshop: URL) throws {
        for (file, from, to) in [
            ("programme.xml", "<languages source=\"en\"/>", "<languages source=\"en\" translations=\"fr\"/>"),
            (
                "sessions/day-one.xml", "audience=\"aud-participants\"",
                "audience=\"aud-participants\" translations=\"fr\""
            ),
        ] {
            let url = workshop.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(from))
            try text.replacing(from, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    private func files(under folder: URL) throws -> [String: String] {
        var contents: [String: String] = [:]
        for name in ["programme.xml", "modules/first-module.xml", "sessions/day-one.xml", "cases/example-case.xml"] {
            contents[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return contents
    }

    @Test func theExportIsXLIFFThatTranslateToolkitReads() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let xliff = workshop.appendingPathComponent("fr.xlf").path
        let export = try CLI.run(["translate", "export", workshop.path, "--language", "fr", "--out", xliff])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("wrote 45 texts (34 for participants, 11 for facilitators"), "\(export.stdout)")
        let read = try python(
            """
            print(len(units))
            print(store.getsourcelanguage(), store.gettargetlanguage())
            for u in units:
                print(u.getid().split('\\x04')[1], '|', u.xmlelement.get(CK + 'fingerprint'), '|',
                      u.xmlelement.get(CK + 'readers'), '|', u.getnotes(), '|', u.source)
            """, [xliff])
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "45")
        #expect(lines.dropFirst().first == "en fr")
        #expect(lines.contains { $0.hasPrefix("a-input/title | ") && $0.hasSuffix("| The method in three steps") })
        let units = lines.dropFirst(2)
        #expect(units.allSatisfy { $0.firstMatch(of: /\| [0-9a-f]{16} \|/) != nil }, "every unit has a fingerprint")
        #expect(units.filter { $0.contains("| facilitator | facilitator text") }.count == 11)
        #expect(units.filter { $0.contains("| participant | participant text") }.count == 34)
        #expect(units.contains { $0.hasPrefix("a-input/facilitator-notes | ") && $0.contains("| facilitator |") })
        // The delivery's venue and facilitator are translatable too, for the facilitators' guide.
        #expect(units.contains { $0.hasPrefix("example-cohort/venue/name | ") && $0.hasSuffix("| Training room") })
        #expect(units.contains { $0.hasPrefix("example-cohort/facilitator | ") && $0.hasSuffix("| Lead facilitator") })
        // So are the programme's owner (on the facilitator guide's cover) and licence (in the cartridge's metadata).
        #expect(
            units.contains {
                $0.contains("/owner | ") && $0.contains("| facilitator |") && $0.hasSuffix("| The course team")
            })
        #expect(
            units.contains {
                $0.contains("/licence | ") && $0.contains("| participant |") && $0.hasSuffix("| CC BY 4.0")
            })
    }

    @Test func translationsMadeWithTranslateToolkitGoBackIntoTheExactElements() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let before = try files(under: workshop)
        let xliff = workshop.appendingPathComponent("fr.xlf").path
        let done = workshop.appendingPathComponent("fr-done.xlf").path
        #expect(try CLI.run(["translate", "export", workshop.path, "--language", "fr", "--out", xliff]).status == 0)
        let translated = try python(
            """
            for u in units:
                u.target = 'FR ' + u.source
            store.savefile(sys.argv[2])
            """, [xliff, done])
        #expect(translated.status == 0, "\(translated.stderr)")
        let imported = try CLI.run(["translate", "import", done])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("wrote 45 translations into 5 files"), "\(imported.stdout)")
        let after = try files(under: workshop)
        for (name, original) in before {
            let edited = try #require(after[name])
            #expect(edited != original, "\(name) got its translations")
            // Taking the new <t> elements (and the line each rich text's one starts on) out gives the file back.
            let restored = edited.replacing(/\n *<t xml:lang="fr"><p>[^<]*<\/p><\/t>/, with: "").replacing(
                /<t xml:lang="fr">[^<]*(<p>[^<]*<\/p>)?<\/t>/, with: "")
            #expect(restored == original, "\(name) changed elsewhere than in its <t> elements")
        }
        #expect(
            after["modules/first-module.xml"]?.contains(
                "<title>The method in three steps<t xml:lang=\"fr\">FR The method in three steps</t></title>") == true)
        #expect(
            after["modules/first-module.xml"]?.contains(
                """
                        <p>Listen for the three steps and note one question about each.</p>
                        <t xml:lang="fr"><p>FR Listen for the three steps and note one question about each.</p></t>
                      </participant-instructions>
                """) == true)
        let validate = try CLI.run(["validate", workshop.path, "--fail-on", "info"])
        #expect(validate.status == 0, "\(validate.stdout)")
        // Give the session in French too, and pack it in French.
        try declareFrench(in: workshop)
        let declared = try CLI.run(["validate", workshop.path, "--fail-on", "info"])
        #expect(declared.status == 0, "\(declared.stdout)")
        let pack = try CLI.run([
            "pack", workshop.path, "--format", "html", "--language", "fr", "--out",
            workshop.appendingPathComponent("packs").path,
        ])
        #expect(pack.status == 0, "\(pack.stderr)")
        let participantPack = try String(
            contentsOf: workshop.appendingPathComponent("packs/w-s1.fr/participant-pack.html"), encoding: .utf8)
        #expect(participantPack.contains("FR The method in three steps"))
        let settled = try files(under: workshop)
        let again = try CLI.run(["translate", "import", done])
        #expect(again.status == 0)
        #expect(again.stdout.contains("wrote 0 translations into 0 files; 45 unchanged"), "\(again.stdout)")
        #expect(try files(under: workshop) == settled)
    }

    @Test func aUnitWhoseSourceChangedSinceTheExportIsRefusedAndTheOthersAreWritten() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let xliff = workshop.appendingPathComponent("fr.xlf").path
        #expect(try CLI.run(["translate", "export", workshop.path, "--language", "fr", "--out", xliff]).status == 0)
        #expect(
            try python(
                "for u in units:\n    u.target = 'FR ' + u.source\nstore.savefile(sys.argv[1])", [xliff]
            ).status == 0)
        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let text = try String(contentsOf: module, encoding: .utf8)
        try text.replacing("<title>The method in three steps</title>", with: "<title>The method in four steps</title>")
            .write(to: module, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["translate", "import", xliff])
        #expect(imported.status == 1)
        #expect(
            imported.stderr.contains(
                "first-module.xml:8:7: error[XLF001]: the source of \"a-input/title\" changed since the export"),
            "\(imported.stderr)")
        #expect(imported.stdout.contains("wrote 44 translations into 5 files"), "\(imported.stdout)")
        let edited = try String(contentsOf: module, encoding: .utf8)
        #expect(edited.contains("<title>The method in four steps</title>"), "the refused unit's element is untouched")
        #expect(edited.contains("<t xml:lang=\"fr\">FR The method</t>"))
    }

    @Test func markupIsExportedAsMarkupAndCheckedOnImport() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let text = try String(contentsOf: module, encoding: .utf8)
        try text.replacing(
            "<p>Listen for the three steps and note one question about each.</p>",
            with: "<p>Listen for <em>three</em> steps.</p>\n        <ul><li>one</li><li>two</li></ul>"
        ).replacing(
            "<p>In groups of four, read the case", with: "<p>In <strong>groups of four</strong>, read the case"
        ).write(to: module, atomically: true, encoding: .utf8)
        let xliff = workshop.appendingPathComponent("fr.xlf").path
        #expect(try CLI.run(["translate", "export", workshop.path, "--language", "fr", "--out", xliff]).status == 0)
        let check = try python(
            """
            for u in units:
                if u.getid().endswith('a-input/participant-instructions'):
                    print(u.xmlelement.get(CK + 'form'), u.source)
                    u.target = '<p>Écoutez les <em>trois</em> étapes.</p><ul><li>un</li><li>deux</li></ul>'
                elif u.getid().endswith('a-case/participant-instructions'):
                    u.target = '<p>Lisez <em>le cas</p>'
            store.savefile(sys.argv[1])
            """, [xliff])
        #expect(check.stdout == "markup <p>Listen for <em>three</em> steps.</p><ul><li>one</li><li>two</li></ul>\n")
        let imported = try CLI.run(["translate", "import", xliff])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("error[XLF003]: the translation of \"a-case/participant-instructions\""))
        let edited = try String(contentsOf: module, encoding: .utf8)
        #expect(
            edited.contains(
                "<t xml:lang=\"fr\"><p>Écoutez les <em>trois</em> étapes.</p><ul><li>un</li><li>deux</li></ul></t>"))
        let validate = try CLI.run(["validate", workshop.path])
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    @Test func statusPrintsCoveragePerLanguage() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let programme = workshop.appendingPathComponent("programme.xml")
        let text = try String(contentsOf: programme, encoding: .utf8)
        try text.replacing("<languages source=\"en\"/>", with: "<languages source=\"en\" translations=\"fr de\"/>")
            .replacing(
                "<title>My first workshop</title>",
                with: "<title>My first workshop<t xml:lang=\"fr\">Mon premier atelier</t></title>"
            )
            .write(to: programme, atomically: true, encoding: .utf8)
        let status = try CLI.run(["translate", "status", workshop.path])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("w: 45 translatable texts in en (34 for participants)"), "\(status.stdout)")
        #expect(
            status.stdout.contains("fr        1/34 (2 %)                 1/45 (2 %)                 0"),
            "\(status.stdout)")
        #expect(status.stdout.contains("de        0/34 (0 %)                 0/45 (0 %)                 0"))
    }

    @Test func badRequestsAreUsageErrors() throws {
        let workshop = try starter()
        defer { try? FileManager.default.removeItem(at: workshop.deletingLastPathComponent()) }
        let source = try CLI.run(["translate", "export", workshop.path, "--language", "en"])
        #expect(source.status == 2)
        #expect(source.stderr.contains("en is the programme's source language"))
        let notXLIFF = try CLI.run(["translate", "import", workshop.appendingPathComponent("programme.xml").path])
        #expect(notXLIFF.status == 2)
        #expect(notXLIFF.stderr.contains("is not an XLIFF 1.2 document"), "\(notXLIFF.stderr)")
    }
}
