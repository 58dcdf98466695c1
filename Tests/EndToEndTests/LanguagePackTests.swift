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
        let result = try CLI.run(["validate", Self.liaise])
        let output = result.stdout + result.stderr
        for session in ["s2", "s3", "s4"] {
            #expect(
                output.contains(
                    "Curricula/liaise/sessions/\(session).xml:2:1: warning[LNG002]: session \"\(session)\" is not given in \"fr\", a translation language of the programme"
                ), "\(session): \(output)")
        }
        #expect(!output.contains("session \"s1\" is not given in"), "session 1 is translated")
    }

    @Test func everyBlockShownInTheSourceLanguageIsAFindingAtItsLine() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "html", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }
        #expect(findings.count > 5, "session 1 is partly translated: \(findings.count) findings")
        #expect(
            findings.contains {
                $0.hasPrefix("Curricula/liaise/sessions/s1.xml:") && $0.contains("facilitator notes of \"s1-closing\"")
            }, "\(findings.prefix(3))")
        let both = try CLI.run([
            "pack", Self.liaise, "--session", "s1", "--format", "html", "--format", "pdf", "--language", "fr", "--out",
            out.path,
        ])
        #expect(
            both.stderr.split(separator: "\n").filter { $0.contains("warning[HTML004]") }.count == findings.count,
            "html and pdf come from one exporter: each finding is shown once")
        let english = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "html", "--out", out.path])
        #expect(!english.stderr.contains("HTML004"), "the source language has nothing to fall back from")
    }
}
