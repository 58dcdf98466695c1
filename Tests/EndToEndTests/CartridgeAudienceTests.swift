import Foundation
import Testing

/// Platforms show a cartridge's manifest metadata and pages to learners, so only text participants may read can
/// reach them. The fixture marks every text participants may not see with `LEAKMARK`, in every field that can hold
/// one (programme and session summaries, a purpose, instructions, notes, steps, debrief, variant, sensitivity note,
/// preparation, materials, a facilitator item, facilitator resources and their files, a participant resource only a
/// facilitator item lists).
@Suite struct CartridgeAudienceTests {
    static let programme = CLI.fixture("audience")

    /// The entries of a zip, extracted into a folder by Python's `zipfile` (an independent reader).
    static func extract(_ archive: String, into folder: URL) throws -> [String] {
        let result = try CLI.run(
            [
                "-c",
                "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nz.extractall(sys.argv[2])\nprint('\\n'.join(z.namelist()))",
                archive, folder.path,
            ], executable: "/usr/bin/python3")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func noFacilitatorOnlyTextReachesTheManifestOrAParticipantFileOfTheCartridge() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.programme, "--format", "imscc", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let unzipped = out.appendingPathComponent("unzipped")
        let entries = try Self.extract(out.appendingPathComponent("aud-s1/aud-s1.imscc").path, into: unzipped)
        #expect(entries.contains("imsmanifest.xml") && entries.contains { $0.hasPrefix("items/") })
        var participantText = ""
        for entry in entries {
            let text = try String(contentsOf: unzipped.appendingPathComponent(entry), encoding: .utf8)
            if entry.hasPrefix("instructor/") { continue }
            #expect(!text.contains("LEAKMARK"), "\(entry) holds facilitator-only text: \(Self.markers(in: text))")
            participantText += text
        }
        // What participants may read is there, so the check above looked at the right files.
        for shown in ["SHOWNMARK-title", "SHOWNMARK-instructions", "SHOWNMARK-handout", "SHOWNMARK-reflection"] {
            #expect(participantText.contains(shown), "\(shown) is missing from the participant files")
        }
        // The facilitator guide, for the Instructor role only, carries the facilitator material.
        let manifest = try String(contentsOf: unzipped.appendingPathComponent("imsmanifest.xml"), encoding: .utf8)
        #expect(manifest.contains("<lom:value>Instructor</lom:value>"))
        let guide = try String(
            contentsOf: unzipped.appendingPathComponent("instructor/facilitator-guide.html"), encoding: .utf8)
        for marker in ["LEAKMARK-facilitator-notes", "LEAKMARK-purpose", "LEAKMARK-step", "LEAKMARK-preparation"] {
            #expect(guide.contains(marker), "the guide lacks \(marker)")
        }
        // A participant-visible file that only a facilitator item lists is instructor material (rendered as a page).
        #expect(entries.contains { $0.hasPrefix("instructor/files/") && $0.hasSuffix("team-briefing.html") })
        #expect(!entries.contains { $0.hasPrefix("web_resources/") && $0.contains("team-briefing") })
    }

    @Test func theParticipantPackOfTheSameProgrammeHoldsNoFacilitatorOnlyTextEither() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.programme, "--format", "html", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("aud-s1")
        let pack = try String(contentsOf: folder.appendingPathComponent("participant-pack.html"), encoding: .utf8)
        #expect(!pack.contains("LEAKMARK"), "\(Self.markers(in: pack))")
        #expect(pack.contains("SHOWNMARK-instructions"))
        let handouts = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("handouts").path)
        for name in handouts {
            let text = try String(contentsOf: folder.appendingPathComponent("handouts/" + name), encoding: .utf8)
            #expect(!text.contains("LEAKMARK"), "handouts/\(name)")
        }
    }

    /// The markers found in a text, for messages.
    static func markers(in text: String) -> [String] {
        text.components(separatedBy: "LEAKMARK").dropFirst().map {
            "LEAKMARK" + String($0.prefix { $0.isLetter || $0 == "-" })
        }
    }
}
