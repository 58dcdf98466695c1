import Foundation
import Testing

/// The `curriculum import` command itself: format detection, output rules, archives that must be refused, and
/// importers that misbehave.
@Suite struct ImportCommandTests {
    static let badImporter = CLI.fixture("plugins/importers/bad-importer.sh")
    static let documentImporter = CLI.fixture("plugins/importers/document-importer.sh")

    @Test func withoutOutTheXMLGoesToStandardOutputAndFindingsToStandardError() throws {
        let result = try CLI.run(["import", CLI.fixture("import/olx/partners")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<programme "))
        #expect(result.stderr.contains("OLX007"))
        #expect(result.stderr.contains("2 file(s) that were not written"))
    }

    @Test(arguments: [
        ("import/olx/partners", "olx"), ("import/dita/partners-course.zip", "dita"),
        ("import/dita/good", "dita"), ("import/imscc/cc13-course", "imscc"),
        ("import/imscc/scorm12-early-signs/imsmanifest.xml", "imscc"),
    ])
    func autoDetectionFindsTheFormatFromItsMarkerFile(source: String, importer: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", CLI.fixture(source), "--out", out])
        #expect(result.stdout.contains("with \(importer) 1.0.0:"), "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func anExistingOutputIsOnlyReplacedWithForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("p.xml").path
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try CLI.run(["import", CLI.fixture("import/olx/partners"), "--out", out])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists; pass --force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "mine")
        let replaced = try CLI.run(["import", CLI.fixture("import/olx/partners"), "--out", out, "--force"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<programme "))
    }

    @Test func aSourceWithNoMarkerFileNeedsFrom() throws {
        let result = try CLI.run(["import", CLI.fixture("import/olx/not-a-course")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot tell the format"))
        let missing = try CLI.run(["import", "/nonexistent/course"])
        #expect(missing.status == 2)
        let unknown = try CLI.run(["import", CLI.fixture("import/olx/partners"), "--from", "moodle-xml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no installed importer reads \"moodle-xml\""))
    }

    @Test(arguments: ["olx", "dita", "imscc"])
    func aMissingSourceIsAUsageErrorWhateverTheFormat(format: String) throws {
        let missing = try CLI.run(["import", "/nonexistent/course", "--from", format])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("no such file or folder"))
    }

    @Test func anImportThatProducesNothingIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(
            at: course.appendingPathComponent("course"), withIntermediateDirectories: true)
        try Data(#"<course url_name="r" org="O" course="C"/>"#.utf8).write(
            to: course.appendingPathComponent("course.xml"))
        try Data(#"<course display_name="Nothing here"/>"#.utf8).write(
            to: course.appendingPathComponent("course/r.xml"))
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", course.path, "--out", out, "--format", "json"])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(try result.diagnostics().contains { $0.code == "IMP007" || $0.code == "OLX002" })
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anArchiveEntryClimbingOutRefusesTheWholeImport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("course.tar.gz").path
        let made = try CLI.run(
            [
                "-c",
                """
                import io, sys, tarfile
                with tarfile.open(sys.argv[1], 'w:gz') as t:
                    for name, data in [('course/course.xml', b'<course url_name="x"/>'), ('../../evil.sh', b'rm -rf ~')]:
                        info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
                """,
                archive,
            ], executable: "/usr/bin/python3")
        #expect(made.status == 0, "\(made.stderr)")
        let out = folder.appendingPathComponent("out.xml").path
        // Too unsafe to look inside for --from auto: its name sends it to the OLX importer, which says why.
        let result = try CLI.run(["import", archive, "--out", out, "--format", "json"])
        #expect(result.status == 1)
        let found = try result.diagnostics()
        #expect(found.contains { $0.code == "IMP005" && $0.message.contains("../../evil.sh") })
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.deletingLastPathComponent().appendingPathComponent("evil.sh").path))
    }

    @Test func anImporterReturningWhatTheFormatCannotHoldIsAToolFailure() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let invalid = try CLI.run(["import", folder.path, "--from", "bad", "--plugin", Self.badImporter])
        #expect(invalid.status == 3)
        #expect(
            invalid.stderr.contains(
                "importer \"bad-importer\" returned a curriculum that does not fit the native format"))
        #expect(invalid.stderr.contains("juggling"))

        let escape = folder.appendingPathComponent("escape")
        try FileManager.default.createDirectory(at: escape, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("o.xml").path
        let escaping = try CLI.run(["import", escape.path, "--from", "bad", "--plugin", Self.badImporter, "--out", out])
        #expect(escaping.status == 3)
        #expect(escaping.stderr.contains("importer \"bad-importer\" returned the artifact path \"../evil.txt\""))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.txt").path))
    }

    /// Protocol 1.3: an importer may answer with the native document instead of the model. The core loads it back
    /// as the curriculum, and its findings point where the importer's table says each element came from.
    @Test func anImporterAnsweringWithADocumentGivesWhatItsModelWouldHaveGiven() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [String: (findings: [String], document: String)] = [:]
        for form in ["model", "document"] {
            let source = folder.appendingPathComponent(form)
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            let out = folder.appendingPathComponent("\(form)-out/course.xml")
            let result = try CLI.run([
                "import", source.path, "--from", "notes", "--plugin", Self.documentImporter, "--out", out.path,
                "--format", "json",
            ])
            #expect(result.status == 0, "\(form): \(result.stderr)")
            let findings = try result.diagnostics().map { "\($0.path):\($0.line) \($0.code)" }
            outputs[form] = (findings.sorted(), try String(contentsOf: out, encoding: .utf8))
        }
        let model = try #require(outputs["model"]), document = try #require(outputs["document"])
        #expect(document.findings == model.findings)
        #expect(document.findings.contains("notes.txt:3 PED005"), "the item's finding points at its source line")
        #expect(document.findings.contains("notes.txt:1 PED001"), "the session's finding points at its source")
        #expect(document.document == model.document, "the same curriculum is written either way")
    }

    @Test(arguments: [
        ("module", "returned a document that is not a <programme>"),
        ("broken", "returned a curriculum that does not fit the native format"),
        ("both", "either curriculum or document, not both"),
    ])
    func aDocumentAnswerTheCoreCannotUseIsAToolFailureThatWritesNothing(source: String, message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent(source)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out/course.xml")
        let result = try CLI.run([
            "import", input.path, "--from", "notes", "--plugin", Self.documentImporter, "--out", out.path,
        ])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aDocumentFromAPluginThatDidNotAnswerProtocol13IsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let result = try CLI.run([
            "import", input.path, "--from", "notes", "--plugin",
            CLI.fixture("plugins/importers/document-importer-1.2.sh"),
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("only a plugin that answers protocolMinor 3 may send"), "\(result.stderr)")
    }
}
