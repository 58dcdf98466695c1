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
            "Exemples de programmes de CurriculumKit", "heure d’Europe centrale (Europe/Brussels)",
        ] {
            #expect(guide.contains(french) || guide.contains(french.replacing("&#39;", with: "'")), "\(french)")
        }
        for english in [
            "community policing", "Daily contact with young people", "Brussels, Belgium", "co-facilitator",
            "list of LIAISE and LIAISE 2 partner cities", "public-source", "CurriculumKit example curricula",
            "<td>organiser</td>", "safeguarding lead",
        ] {
            #expect(!guide.contains(english), "the French guide still shows \"\(english)\"")
        }
        #expect(pack.contains("Bruxelles, Belgique") && !pack.contains("Brussels, Belgium"))
        #expect(pack.contains("heure d’Europe centrale (Europe/Brussels)"), "the time zone is named in French")
        let manifest = try #require(cartridge["imsmanifest.xml"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(manifest.contains("<lomimscc:string language=\"fr\">prévention de la radicalisation violente<"))
        #expect(!manifest.contains("prevention of violent radicalisation"), "the cartridge's keywords are French")
    }

    @Test func theEnglishPackNamesItsTimeZoneInEnglish() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = try String(contentsOf: out.appendingPathComponent("liaise-s1/s1.md"), encoding: .utf8)
        #expect(notes.contains("Times are local to Central European Time (Europe/Brussels)."), "\(notes)")
    }

    /// English words that no French sentence uses. A French pack may show them only inside proper names, published
    /// titles (in « »), web addresses and file names, which ``frenchText(_:)`` removes first.
    static let englishWords: Set<String> = [
        "the", "and", "with", "of", "for", "from", "this", "your", "what", "which", "day", "days", "week", "weeks",
        "before", "after", "times", "owner", "curricula", "handout", "handouts", "facilitator", "facilitators",
        "safeguarding", "central", "european", "funded",
    ]
    /// Proper names of the bundled programmes that hold one of those words.
    static let properNames = [
        "Institute for Strategic Dialogue", "Gang Reduction and Youth Development", "University of Southern California",
        "The Hague", "Council of Europe", "Foundation for A Path Forward",
    ]

    /// A page's visible text, less what may stay English: markup, web addresses, paths, « published titles » and
    /// the proper names.
    static func frenchText(_ page: String) -> String {
        var text = page.replacing(/(?s)<(script|style)[^>]*>.*?<\/\1>/, with: " ").replacing(/<[^>]+>/, with: " ")
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacing(entity, with: character)
        }
        text = text.replacing(/«[^»]*»/, with: " ").replacing(/\S*[\/:.]\S*[\/.]\S+/, with: " ")
        for name in properNames { text = text.replacing(name, with: " ") }
        return text
    }

    /// The checked English words in a text, with a little context each.
    static func englishWords(in text: String) -> [String] {
        text.matches(of: /[A-Za-z]+/).compactMap { match in
            guard englishWords.contains(match.output.lowercased()) else { return nil }
            let start = text.index(match.range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(match.range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
            return "\(match.output): …\(text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " "))…"
        }
    }

    @Test(arguments: ["liaise", "city-pair", "strong-cities-dialogue"])
    func aFrenchPackHasNoEnglishWordOutsideProperNamesAndFileNames(programme: String) throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let root = CLI.packageRoot.appendingPathComponent("Curricula/\(programme)").path
        let result = try CLI.run([
            "pack", root, "--format", "html", "--format", "md", "--format", "ics", "--format", "imscc", "--language",
            "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var pages: [(name: String, text: String)] = []
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            let name = file.path.replacing(out.path + "/", with: "")
            // A handout's Markdown source holds every language's part; its printed page holds the pack's only.
            let isSource = file.pathExtension == "md" && name.split(separator: "/").count > 2
            switch file.pathExtension {
            case "html",
                "md" where !isSource:
                pages.append((name, Self.frenchText(try String(contentsOf: file, encoding: .utf8))))
            case "ics":
                // The words people read: titles, descriptions and places (unfolded), not identifiers or categories.
                let lines = try String(contentsOf: file, encoding: .utf8).replacing("\r\n ", with: "")
                    .split(separator: "\r\n").filter {
                        $0.hasPrefix("SUMMARY") || $0.hasPrefix("DESCRIPTION") || $0.hasPrefix("LOCATION")
                    }
                pages.append((name, Self.frenchText(lines.joined(separator: "\n").replacing("\\n", with: "\n"))))
            case "imscc":
                for (entry, data) in try GoldenProgramme.entries(ofArchive: file) {
                    guard let page = String(data: data, encoding: .utf8) else { continue }
                    if entry.hasSuffix(".html") {
                        pages.append(("\(name):\(entry)", Self.frenchText(page)))
                    } else if entry == "imsmanifest.xml" {
                        // The strings platforms show: titles, description, keywords, licence.
                        let shown = page.matches(of: /<(?:title|lomimscc:string)[^>]*>([^<]*)</).map {
                            String($0.output.1)
                        }
                        pages.append(("\(name):\(entry)", Self.frenchText(shown.joined(separator: "\n"))))
                    }
                }
            default: break
            }
        }
        #expect(pages.count > 10, "the pack's pages were read")
        for page in pages {
            let found = Self.englishWords(in: page.text)
            #expect(found.isEmpty, "\(page.name) shows English: \(found.prefix(5))")
        }
    }

    @Test func anUntranslatedOwnerIsAFindingAtTheProgramme() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let programme = root.appendingPathComponent("liaise")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.liaise), to: programme)
        let file = programme.appendingPathComponent("liaise.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let translated = try #require(text.firstMatch(of: /<owner>[^<]*(<t [^>]*>[^<]*<\/t>)<\/owner>/))
        try text.replacing(translated.output.1, with: "").write(to: file, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", programme.path, "--session", "s1", "--format", "html", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }
        #expect(
            findings.count == 1
                && findings[0].hasSuffix(
                    "liaise/liaise.xml:2:1: warning[HTML004]: no \"fr\" translation of the programme's owner; the fr pack shows it in en (html)"
                ), "\(findings)")
        let guide = try String(
            contentsOf: out.appendingPathComponent("liaise-s1.fr/facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains("CurriculumKit example curricula"), "the English owner is shown, and listed")
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
