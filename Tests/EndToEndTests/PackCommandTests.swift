import Foundation
import Testing

/// `curriculum pack` as a trainer meets it: what is written, what is refused, and that nothing is half-written.
@Suite struct PackCommandTests {
    /// A copy of the small valid curriculum in a fresh folder, optionally with a configuration.
    static func workspace(configuration: String? = nil) throws -> URL {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: folder.appendingPathComponent("c").path)
        if let configuration {
            try configuration.write(
                to: folder.appendingPathComponent("c/curriculum.json"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func files(under folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func packsASessionWithAManifestOfChecksums() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run(["pack", folder.appendingPathComponent("c").path, "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("packed s1 → "))
        let pack = out.appendingPathComponent("mini-s1")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: pack.appendingPathComponent("pack.json")))
                as? [String: Any])
        #expect(manifest["programme"] as? String == "mini")
        #expect(manifest["session"] as? String == "s1")
        let files = try #require(manifest["files"] as? [[String: Any]])
        let markdown = try #require(files.first { $0["path"] as? String == "s1.md" })
        let sum = try CLI.run([pack.appendingPathComponent("s1.md").path], executable: "/usr/bin/sha256sum")
        #expect(sum.stdout.hasPrefix(markdown["sha256"] as? String ?? "-"))
        let text = try String(contentsOf: pack.appendingPathComponent("s1.md"), encoding: .utf8)
        #expect(text.contains("| 09:10–10:25 | Drawing the partner map | Group work | 1 h 15 min |"))
    }

    @Test func anExistingPackIsReplacedWholeNotMerged() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let stale = out.appendingPathComponent("mini-s1/stale.txt")
        try FileManager.default.createDirectory(
            at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "old".write(to: stale, atomically: true, encoding: .utf8)
        try "old zip".write(to: out.appendingPathComponent("mini-s1.zip"), atomically: true, encoding: .utf8)
        try "old bundle".write(
            to: out.appendingPathComponent("mini-s1-participants.zip"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["pack", folder.appendingPathComponent("c").path, "--format", "md", "--out", out.path])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(
            Self.files(under: out) == ["mini-s1", "mini-s1/pack.json", "mini-s1/s1.md"], "no staging folder is left")
    }

    @Test func unknownSessionAndFormatListTheValidOnes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let never = folder.appendingPathComponent("never").path
        let session = try CLI.run(["pack", CLI.fixture("valid"), "--session", "s9", "--out", never])
        #expect(session.status == 2)
        #expect(session.stderr.contains("no session \"s9\" in mini; sessions: s1"))
        let format = try CLI.run(["pack", CLI.fixture("valid"), "--format", "docx", "--out", never])
        #expect(format.status == 2)
        #expect(format.stderr.contains("no exporter for the format \"docx\"; available: "))
        #expect(format.stderr.contains("md") && format.stderr.contains("pdf"))
        #expect(!FileManager.default.fileExists(atPath: never), "a refused pack creates no output folder")
    }

    @Test func anOutputFolderThatIsAFileOrASymbolicLinkIsRefused() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let onFile = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--format", "md", "--out", file.path,
        ])
        #expect(onFile.status == 2)
        #expect(onFile.stderr.contains("is a file"))
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let onLink = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--format", "md", "--out", link.path,
        ])
        #expect(onLink.status == 2)
        #expect(onLink.stderr.contains("symbolic link"))
        let packLink = folder.appendingPathComponent("out/mini-s1")
        try FileManager.default.createDirectory(
            at: packLink.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: packLink, withDestinationURL: elsewhere)
        let throughLink = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--format", "md", "--out",
            packLink.deletingLastPathComponent().path,
        ])
        #expect(throughLink.status == 2)
        #expect(Self.files(under: elsewhere).isEmpty, "nothing is written through a pre-existing link")
    }

    @Test func aCurriculumWithErrorsIsNotPacked() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for bad in ["missing-handout.xml", "day-overrun.xml"] {
            let result = try CLI.run(["pack", CLI.fixture("bad/" + bad), "--format", "md", "--out", folder.path])
            #expect(result.status == 1, "\(bad): \(result.stderr)")
            #expect(result.stderr.contains(bad == "missing-handout.xml" ? "REF005" : "TIM003"))
        }
        #expect(Self.files(under: folder).isEmpty)
    }

    /// `pack` of the small valid curriculum with one validator plugin from the fault fixtures in a configuration
    /// file; returns the result and the output folder, inside a temporary folder the caller removes.
    static func packWithValidator(_ fixture: String) throws -> (CLI.Result, out: URL, folder: URL) {
        let folder = try CLI.temporaryFolder()
        let config = folder.appendingPathComponent("curriculum.json")
        let plugin = CLI.fixture("plugins/faults/" + fixture)
        try #"{"plugins": [{"command": ["\#(plugin)"]}]}"#.write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run(
            ["pack", CLI.fixture("valid"), "--config", config.path, "--out", out.path],
            environment: ["TMPDIR": folder.path])
        return (result, out, folder)
    }

    /// The validator plugins run while the exporters work; their errors still stop the pack before anything is
    /// written, with the same report as an error of the core rules.
    @Test func aValidatorPluginsErrorStopsThePackThoughItRunsBesideTheExporters() throws {
        let (result, out, folder) = try Self.packWithValidator("many-diagnostics.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error[MNY002]: the last one is an error"), "\(result.stderr)")
        #expect(result.stderr.contains("has errors; fix them first"), "\(result.stderr)")
        #expect(!result.stderr.contains("MNY001"), "only errors are listed, as for the core rules")
        #expect(Self.files(under: out).isEmpty)
    }

    /// A validator plugin that crashes while the exporters run fails the pack with exit 3, naming it; the
    /// exporters' work is thrown away.
    @Test func aValidatorPluginThatCrashesDuringAPackFailsItWithNothingWritten() throws {
        let (result, out, folder) = try Self.packWithValidator("killed-by-signal.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("was killed by signal 11 (SIGSEGV) while handling validate"), "\(result.stderr)")
        #expect(Self.files(under: out).isEmpty)
    }

    @Test func aDeliveryThatDoesNotMatchTheSessionsIsRefused() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let delivery = folder.appendingPathComponent("delivery.xml")
        try """
        <delivery xmlns="urn:curriculumkit:curriculum:1" id="d1" programme="mini" timezone="Europe/Brussels">
          <session-run session="s2" date="2027-03-09" day-start="09:00"/>
        </delivery>
        """.write(to: delivery, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--format", "md", "--delivery", delivery.path, "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("TIM009"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    static let badPaths: [String] = ["../x", "/etc/x", "a/../../x", #"a\\..\\x"#, "C:x", "", #"a\u0000b"#]

    @Test(arguments: badPaths)
    func anExporterReturningABadPathFailsThePackAndWritesNothing(path: String) throws {
        let exporter = CLI.fixture("plugins/exporters/curriculum-plugin-bad-exporter.sh")
        let folder = try Self.workspace(
            configuration: #"{"plugins": [{"command": ["\#(exporter)"], "options": {"path": "\#(path)"}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--trust-config", "--format", "bad", "--format", "md",
            "--out", out.path,
        ])
        #expect(result.status == 3, "\(path): \(result.stderr)")
        #expect(result.stderr.contains("exporter \"bad-exporter\" returned the artifact path"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(Self.files(under: out).isEmpty, "\(Self.files(under: out))")
    }

    @Test(arguments: [("twice", "a.txt"), ("also", "A.txt")])
    func duplicatePathsIgnoringCaseFailThePack(option: String, path: String) throws {
        let exporter = CLI.fixture("plugins/exporters/curriculum-plugin-bad-exporter.sh")
        let folder = try Self.workspace(
            configuration: #"{"plugins": [{"command": ["\#(exporter)"], "options": {"\#(option)": "\#(path)"}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--trust-config", "--format", "bad", "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("unique ignoring case"))
    }

    @Test func aCrashingExporterFailsThePackAndWritesNothing() throws {
        let exporter = CLI.fixture("plugins/exporters/curriculum-plugin-bad-exporter.sh")
        let folder = try Self.workspace(
            configuration: #"{"plugins": [{"command": ["\#(exporter)"], "options": {"crash": "1"}}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", folder.appendingPathComponent("c").path, "--trust-config", "--format", "bad", "--format", "md",
            "--out", out.path,
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("plugin \"bad-exporter\" was killed by signal 9"))
        #expect(result.stderr.contains("bad-exporter: giving up"))
        #expect(Self.files(under: out).isEmpty)
    }
}
