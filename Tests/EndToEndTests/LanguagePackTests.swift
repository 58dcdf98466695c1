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
        // The small fixture is French for participants only: its facilitator notes fall back to English.
        let mini = CLI.fixture("valid/mini.xml")
        let result = try CLI.run(["pack", mini, "--format", "html", "--language", "fr", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }
        #expect(findings.count == 3, "three facilitator notes are English only: \(findings)")
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

    @Test func everyLIAISESessionIsFrenchThroughoutWithNoFallback() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", Self.liaise, "--format", "html", "--format", "md", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("HTML004"), "a block of LIAISE falls back to English: \(result.stderr)")
        for session in ["s1", "s2", "s3", "s4"] {
            #expect(FileManager.default.fileExists(atPath: out.path + "/liaise-\(session).fr/facilitator-guide.html"))
        }
    }
}
