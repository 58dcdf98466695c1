import Foundation
import Testing

/// A pack in another language is complete or says what is not: each block shown in the source language is a
/// finding at its line, and the pack has a folder of its own beside the source-language one.
@Suite struct LanguagePackTests {
    static let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path

    @Test func aFrenchPackGoesToItsOwnFolderAndLeavesTheEnglishOneAlone() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let english = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "md", "--out", out.path])
        #expect(english.status == 0, "\(english.stderr)")
        let french = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "md", "--language", "fr", "--zip", "--out", out.path,
        ])
        #expect(french.status == 0, "\(french.stderr)")
        #expect(french.stdout.contains("liaise-s1.fr/"), "\(french.stdout)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            entries == ["liaise-s1", "liaise-s1.fr", "liaise-s1.fr-facilitators.zip", "liaise-s1.fr-participants.zip"])
        let manifest = try String(contentsOf: out.appendingPathComponent("liaise-s1/pack.json"), encoding: .utf8)
        #expect(manifest.contains("\"language\" : \"en\""), "the English pack is still the English one")
    }

    @Test func eachSessionLackingADeclaredTranslationLanguageIsAFinding() throws {
        // The leak fixture declares French; without translations="fr" its session is not given in French.
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let programme = root.appendingPathComponent("leak")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.fixture("leak")), to: programme)
        let file = programme.appendingPathComponent("leak.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: " translations=\"fr\">", with: ">").write(
            to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", programme.path])
        let output = result.stdout + result.stderr
        #expect(
            output.contains(
                "warning[LNG002]: session \"s1\" is not given in \"fr\", a translation language of the programme"),
            "\(output)")
        let translated = try CLI.run(["validate", CLI.fixture("leak")])
        #expect(
            !(translated.stdout + translated.stderr).contains("is not given in"), "the fixture's session is in French")
    }

    @Test func everyBlockShownInTheSourceLanguageIsAFindingAtItsLine() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // The small fixture is French for participants only: its facilitator notes, and the name of the audience
        // the guide describes, fall back to English.
        let mini = CLI.fixture("valid/mini.xml")
        let result = try CLI.run(["pack", mini, "--format", "html", "--language", "fr", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }
        #expect(findings.count == 4, "three facilitator notes and an audience are English only: \(findings)")
        #expect(
            findings.contains {
                $0.hasSuffix(
                    "valid/mini.xml:8:5: warning[HTML004]: no \"fr\" translation of the name of audience \"aud-staff\"; the fr pack shows it in en (html)"
                )
            }, "\(findings)")
        #expect(
            findings.contains {
                $0.hasSuffix(
                    "valid/mini.xml:25:11: warning[HTML004]: no \"fr\" translation of the facilitator notes of \"a-map\"; the fr pack shows it in en (html)"
                )
            }, "\(findings)")
        let both = try CLI.run([
            "pack", mini, "--format", "html", "--format", "pdf", "--language", "fr", "--out", out.path,
        ])
        #expect(
            both.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }.count == findings.count,
            "html and pdf come from one exporter: each finding is shown once")
        let english = try CLI.run(["pack", mini, "--format", "html", "--out", out.path])
        #expect(!english.stderr.contains("HTML004"), "the source language has nothing to fall back from")
    }

    @Test(arguments: [
        ("liaise", ["s1", "s2", "s3", "s4"]), ("city-pair", ["cp1", "cp2", "cp3", "cp4"]),
        ("strong-cities-dialogue", ["td1", "td2", "td3", "td4", "td5", "td6"]),
    ])
    func everySessionOfABundledProgrammeIsFrenchThroughoutWithNoFallback(programme: String, sessions: [String]) throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let root = CLI.packageRoot.appendingPathComponent("Curricula/\(programme)").path
        let result = try CLI.run([
            "pack", root, "--format", "html", "--format", "md", "--format", "imscc", "--language", "fr", "--out",
            out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("HTML004"), "a block of \(programme) falls back to English: \(result.stderr)")
        for session in sessions {
            let guide = out.path + "/\(programme)-\(session).fr/facilitator-guide.html"
            #expect(FileManager.default.fileExists(atPath: guide))
        }
    }

    @Test func theFrenchGuideShowsTheAudienceProfileAndTheDeliveryInFrench() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "html", "--format", "ics", "--format", "imscc",
            "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("liaise-s1.fr")
        let calendar = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".ics") })
        let events = try String(contentsOf: folder.appendingPathComponent(calendar), encoding: .utf8)
        #expect(events.contains("LOCATION:Centre de formation de la ville hôte"), "the calendar's venue is French")
        let cartridge = try GoldenProgramme.entries(ofArchive: folder.appendingPathComponent("liaise-s1.imscc"))
        let pages = cartridge.values.compactMap { String(data: $0, encoding: .utf8) }
        #expect(
            pages.contains { $0.contains("Centre de formation de la ville hôte") }, "the cartridge's venue is French")
        #expect(!pages.contains { $0.contains("Host city training centre") })
        let guide = try String(
            contentsOf: out.appendingPathComponent("liaise-s1.fr/facilitator-guide.html"), encoding: .utf8)
        let pack = try String(
            contentsOf: out.appendingPathComponent("liaise-s1.fr/participant-pack.html"), encoding: .utf8)
        for french in [
            "police de proximité", "Au contact quotidien des jeunes et des familles.", "Bruxelles, Belgique",
            "Co-formateur venant d&#39;une ville partenaire", "référent protection",
            "page du projet LIAISE (liste des villes partenaires de LIAISE et de LIAISE 2)", "source publique",
        ] {
            #expect(guide.contains(french) || guide.contains(french.replacing("&#39;", with: "'")), "\(french)")
        }
        for english in [
            "community policing", "Daily contact with young people", "Brussels, Belgium", "co-facilitator",
            "list of LIAISE and LIAISE 2 partner cities", "public-source",
        ] {
            #expect(!guide.contains(english), "the French guide still shows \"\(english)\"")
        }
        #expect(pack.contains("Bruxelles, Belgique") && !pack.contains("Brussels, Belgium"))
    }

    @Test func anUntranslatedAudienceFieldIsAFindingAtItsAudience() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let programme = root.appendingPathComponent("liaise")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.liaise), to: programme)
        let file = programme.appendingPathComponent("liaise.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        // Session 1 is for the elected officials; their needs lose their French.
        let translated = try #require(
            text.firstMatch(of: /<needs>Clear roles for the municipality[^<]*(<t [^>]*>[^<]*<\/t>)<\/needs>/))
        try text.replacing(translated.output.1, with: "").write(to: file, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let audienceLine = try #require(lines.firstIndex { $0.contains("<audience id=\"aud-elected\"") }) + 1
        let out = root.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", programme.path, "--session", "s1", "--format", "html", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }
        #expect(findings.count == 1, "only the needs fall back: \(findings)")
        #expect(
            findings.first?.hasSuffix(
                "liaise/liaise.xml:\(audienceLine):5: warning[HTML004]: no \"fr\" translation of the needs of audience \"aud-elected\"; the fr pack shows it in en (html)"
            ) == true, "\(findings)")
    }
}
