import Foundation
import Testing

/// The pack writer checks every name it builds and publishes folder and zip so that a failure, or a kill, never
/// leaves a half-replaced pack or a leftover that blocks the next run.
@Suite struct PackSafetyTests {
    static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func anIDThatClimbsOutOfTheOutputFolderIsRefusedEvenWithTheRuleIgnored() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curriculum = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: curriculum.path)
        let programme = curriculum.appendingPathComponent("mini.xml")
        try String(contentsOf: programme, encoding: .utf8)
            .replacingOccurrences(of: #"<session id="s1""#, with: #"<session id="x/../../victim/my""#)
            .write(to: programme, atomically: true, encoding: .utf8)
        try #"{"ignore": ["STR006"]}"#.write(
            to: curriculum.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        let victim = folder.appendingPathComponent("victim/my/keep.txt")
        try FileManager.default.createDirectory(
            at: victim.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "keep".write(to: victim, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out/packs")
        let result = try CLI.run(
            ["pack", curriculum.path, "--format", "md", "--out", out.path, "--trust-config", "--zip"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write a pack named \"mini-x/../../victim/my\""), "\(result.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        #expect(Self.entries(of: folder.appendingPathComponent("victim/my")) == ["keep.txt"])
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aLeftoverPartialZipOrRetiredPackNoLongerBlocksAndIsCleared() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent(".mini-s1.old-Ab12Cd"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("mini-s1"), withIntermediateDirectories: true)
        for leftover in [".mini-s1.zip.partial", ".mini-s1.zip.partial-0A1B2C", ".mini-s1x.zip.partial"] {
            try "partial".write(to: out.appendingPathComponent(leftover), atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path, "--zip"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            Self.entries(of: out) == [
                ".mini-s1x.zip.partial", "mini-s1", "mini-s1-facilitators.zip", "mini-s1-participants.zip",
            ],
            "this pack's leftovers are gone, another pack's are not")
        #expect(result.stderr.contains("removed \(out.path)/.mini-s1.zip.partial, left by an interrupted run"))
    }

    @Test func aZipThatCannotBeWrittenLeavesThePreviousPackAndItsZipsIntactAndSaysSo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let first = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path, "--zip"])
        #expect(first.status == 0, "\(first.stderr)")
        let previous = out.appendingPathComponent("mini-s1/previous.txt")
        try "previous".write(to: previous, atomically: true, encoding: .utf8)
        // The participant bundle is replaced first; it must come back when the second rename fails.
        let participants = out.appendingPathComponent("mini-s1-participants.zip")
        try "previous participants zip".write(to: participants, atomically: true, encoding: .utf8)
        // A folder where the facilitators' zip goes: renaming the new zip over it fails.
        let facilitators = out.appendingPathComponent("mini-s1-facilitators.zip")
        try FileManager.default.removeItem(at: facilitators)
        try FileManager.default.createDirectory(
            at: facilitators.appendingPathComponent("occupied"), withIntermediateDirectories: true)
        let result = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path, "--zip"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(facilitators.path)"), "\(result.stderr)")
        #expect(result.stderr.contains("the previous pack at \(out.path)/mini-s1 is unchanged"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: previous.path), "the published folder was put back")
        #expect(
            try String(contentsOf: participants, encoding: .utf8) == "previous participants zip",
            "the participant bundle already replaced was put back")
        #expect(
            Self.entries(of: out) == ["mini-s1", "mini-s1-facilitators.zip", "mini-s1-participants.zip"],
            "no staging folder, partial zip or zip set aside is left")
        try FileManager.default.removeItem(at: facilitators)
        let again = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path, "--zip"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: previous.path))
        #expect(try String(contentsOf: participants, encoding: .utf8) != "previous participants zip")
    }

    /// Every pack of a run is staged before the first is published: a session whose pack cannot be written stops
    /// the run with no pack of it published, not only the ones after it.
    @Test func aPackThatCannotBeStagedLeavesEveryPackOfTheRunUnpublished() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A file where the third session's pack goes.
        try "not a pack".write(to: out.appendingPathComponent("liaise-s3"), atomically: true, encoding: .utf8)
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let result = try CLI.run(["pack", liaise, "--format", "md", "--out", out.path])
        #expect(result.status != 0, "\(result.stderr)")
        #expect(result.stderr.contains("liaise-s3 exists and is a file"), "\(result.stderr)")
        #expect(!result.stderr.contains("packs published before the failure"), "\(result.stderr)")
        #expect(Self.entries(of: out) == ["liaise-s3"], "no pack published, no staging folder left")
    }

    @Test func aPackAnInterruptedRunMovedAsideIsPutBackBeforeAnythingElse() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let first = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        try "previous".write(
            to: out.appendingPathComponent("mini-s1/previous.txt"), atomically: true, encoding: .utf8)
        // What a run killed between its two renames leaves: the old pack aside, nothing in place.
        try FileManager.default.moveItem(
            at: out.appendingPathComponent("mini-s1"), to: out.appendingPathComponent(".mini-s1.old-Zz9Yy8"))
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("mini-s1-participants.zip/occupied"), withIntermediateDirectories: true)
        let failing = try CLI.run(["pack", CLI.fixture("valid"), "--format", "md", "--out", out.path, "--zip"])
        #expect(failing.status == 3)
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("mini-s1/previous.txt").path),
            "the pack moved aside is back in place, and a failed run keeps it there")
        #expect(Self.entries(of: out) == ["mini-s1", "mini-s1-participants.zip"])
    }

    @Test func anOutputFolderReachedThroughASymbolicLinkIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link").path, withDestinationPath: elsewhere.path)
        let result = try CLI.run(
            ["pack", CLI.fixture("valid"), "--format", "md", "--out", "link/packs"], in: folder.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains("goes through the symbolic link \(folder.path)/link (→ \(elsewhere.path))"),
            "\(result.stderr)")
        #expect(Self.entries(of: elsewhere).isEmpty)
    }
}
