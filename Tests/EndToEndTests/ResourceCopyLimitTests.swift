import Foundation
import Testing

/// Resource files copied into an HTML pack are bounded (`maxResourceMB`, 512 MB by default), so a huge or sparse
/// file cannot make the run hold it in memory; a file that is not a regular file is never handed to the core. The
/// templates the exporter reads are checked the same way.
@Suite struct ResourceCopyLimitTests {
    /// A copy of the `valid` fixture whose handout is a sparse file of `megabytes` MB, with `configuration` as its
    /// `curriculum.json` when given.
    static func curriculum(handoutMB megabytes: Int, configuration: String?) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let root = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.fixture("valid")), to: root)
        let handout = root.appendingPathComponent("handouts/partner-map.md").path
        let truncate = try CLI.run(["-s", "\(megabytes)M", handout], executable: "/usr/bin/truncate")
        #expect(truncate.status == 0, "\(truncate.stderr)")
        if let configuration {
            try configuration.write(
                to: root.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aResourceFileOverTheConfiguredLimitStopsThePackWithAClearError() throws {
        let folder = try Self.curriculum(
            handoutMB: 3, configuration: #"{"plugins": [{"name": "html", "options": {"maxResourceMB": 2}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(
            ["pack", folder.appendingPathComponent("c").path, "--format", "html", "--out", out, "--trust-config"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "error[HTML003]: the file \"handouts/partner-map.md\" of resource \"res-map\" holds 3145728 bytes, more than the limit of 2 MB per resource file (html option maxResourceMB)"
            ), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out + "/mini-s1"))
    }

    @Test func underTheDefaultLimitTheSameFileIsCopiedWhole() throws {
        let folder = try Self.curriculum(handoutMB: 3, configuration: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Non-zero bytes in every 1 MiB chunk the core streams, so a chunk lost or repeated changes the checksum.
        let source = folder.appendingPathComponent("c/handouts/partner-map.md").path
        let handle = try #require(FileHandle(forWritingAtPath: source))
        for offset in [0, 1_048_575, 1_048_576, 2_500_000, 3 * 1_048_576 - 1] {
            try handle.seek(toOffset: UInt64(offset))
            handle.write(Data("x".utf8))
        }
        try handle.close()
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(
            [
                "pack", folder.appendingPathComponent("c").path, "--format", "html", "--out", out, "--trust-config",
                "--zip",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let copied = try FileManager.default.attributesOfItem(atPath: out + "/mini-s1/handouts/partner-map.md")
        #expect(copied[.size] as? Int == 3 * 1_048_576)
        // pack.json's checksum of the streamed copy is the source's, as an independent tool computes it.
        let sum = try CLI.run([source], executable: "/usr/bin/sha256sum").stdout.prefix(64)
        let manifest = try String(contentsOfFile: out + "/mini-s1/pack.json", encoding: .utf8)
        #expect(manifest.contains(#""sha256" : "\#(sum)""#), "pack.json does not hold the source's SHA-256 \(sum)")
        // The bundles read the copy back whole.
        let listing = try CLI.run(
            [
                "-c",
                "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.getinfo('mini-s1/handouts/partner-map.md').file_size)",
                out + "/mini-s1-participants.zip",
            ], executable: "/usr/bin/python3")
        #expect(
            listing.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(3 * 1_048_576)", "\(listing.stderr)")
        // Both bundles are streamed to disk; every entry's data matches the CRC-32 its headers give.
        for bundle in ["participants", "facilitators"] {
            let tested = try CLI.run(
                [
                    "-c",
                    "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() or 0)",
                    out + "/mini-s1-\(bundle).zip",
                ], executable: "/usr/bin/python3")
            #expect(tested.status == 0, "the \(bundle) bundle fails its CRC check: \(tested.stderr)")
        }
    }

    @Test func anUnusableLimitIsRefused() throws {
        let folder = try Self.curriculum(
            handoutMB: 1, configuration: #"{"plugins": [{"name": "html", "options": {"maxResourceMB": 4096}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(
            ["pack", folder.appendingPathComponent("c").path, "--format", "html", "--out", out, "--trust-config"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("option maxResourceMB must be a whole number of MB from 1 to 1024"))
    }

    @Test func aFIFOInPlaceOfAHandoutIsRefusedInsteadOfBlockingTheCopy() throws {
        let folder = try Self.curriculum(handoutMB: 1, configuration: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let handout = folder.appendingPathComponent("c/handouts/partner-map.md").path
        try FileManager.default.removeItem(atPath: handout)
        #expect(mkfifo(handout, 0o644) == 0)
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(
            ["pack", folder.appendingPathComponent("c").path, "--format", "html", "--out", out, "--trust-config"])
        // Validation names the FIFO (REF005), so the pack stops before any exporter would try to read it.
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains(#"names "handouts/partner-map.md", which is a FIFO, not a regular file"#),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/mini-s1"))
    }

    @Test func aTemplateThatIsAFIFOOrTooLargeIsRefusedWithoutReadingIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out").path
        let fifo = templates.appendingPathComponent("cover.mustache").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let blocked = try CLI.run([
            "pack", CLI.fixture("valid"), "--format", "html", "--templates", templates.path, "--out", out,
        ])
        // The core checks a templates folder before any exporter starts: a usage error that names the file.
        #expect(blocked.status == 2, "\(blocked.stderr)")
        #expect(
            blocked.stderr.contains(#"it holds "cover.mustache", which is not a regular file"#), "\(blocked.stderr)")
        try FileManager.default.removeItem(atPath: fifo)
        let styles = templates.appendingPathComponent("styles.css").path
        #expect(try CLI.run(["-s", "2M", styles], executable: "/usr/bin/truncate").status == 0)
        let large = try CLI.run([
            "pack", CLI.fixture("valid"), "--format", "html", "--templates", templates.path, "--out", out,
        ])
        #expect(large.status == 3, "\(large.stderr)")
        #expect(
            large.stderr.contains("styles.css holds 2097152 bytes, more than the 1048576 bytes a template may hold"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
