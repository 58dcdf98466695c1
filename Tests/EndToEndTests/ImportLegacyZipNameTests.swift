import Foundation
import Testing

/// Zip entries written without the UTF-8 flag (general purpose bit 11), as Windows' own zip tool writes them: their
/// names are in code page 437, the zip specification's default, so a file named `café-plan.md` is stored with the
/// byte 0x82 for `é` and must still match the manifest's `href="handouts/café-plan.md"`.
@Suite struct ImportLegacyZipNameTests {
    /// Writes a cartridge whose handout name is stored in code page 437: Python's zipfile sets the UTF-8 flag for
    /// any name that is not ASCII, so the entry is written under an ASCII stand-in and its name bytes patched.
    static func windowsCartridge(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("windows-made.imscc").path
        let made = try CLI.run(
            [
                "-c",
                """
                import sys, zipfile
                manifest = '''<?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="M_cafe" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
                  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion></metadata>
                  <organizations/>
                  <resources>
                    <resource identifier="R_PLAN" type="webcontent" href="handouts/café-plan.md">
                      <file href="handouts/café-plan.md"/>
                    </resource>
                  </resources>
                </manifest>'''
                with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
                    z.writestr('imsmanifest.xml', manifest.encode('utf-8'))
                    z.writestr('handouts/caf~-plan.md', b'# Plan of the visit\\n')
                data = open(sys.argv[1], 'rb').read()
                assert data.count(b'caf~-plan') == 2  # the local header and the central directory
                open(sys.argv[1], 'wb').write(data.replace(b'caf~-plan', 'café-plan'.encode('cp437')))
                """, path,
            ], executable: "/usr/bin/python3")
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    @Test func aNameInTheLegacyCodePageIsDecodedAndItsFileImported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.windowsCartridge(in: folder)
        let out = folder.appendingPathComponent("out/course.xml").path
        let result = try CLI.run([
            "import", archive, "--out", out, "--format", "json", "--option", "defaultDuration=PT30M",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // The only finding about the file is the core's advice on portable names (EXP004), never a missing file.
        let missing = try result.diagnostics().filter { $0.message.contains("café-plan.md") && $0.code != "EXP004" }
        #expect(missing.isEmpty, "\(missing)")
        let xml = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(xml.contains("handouts/café-plan.md"), "\(xml)")
        let copied = folder.appendingPathComponent("out/files/handouts/café-plan.md").path
        #expect(
            (try? String(contentsOfFile: copied, encoding: .utf8)) == "# Plan of the visit\n",
            "the handout is written under its decoded name")
    }

    @Test func theSameCartridgeIsRecognisedAsACartridgeWithoutFrom() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.windowsCartridge(in: folder)
        let renamed = folder.appendingPathComponent("windows-made.zip").path
        try FileManager.default.moveItem(atPath: archive, toPath: renamed)
        let out = folder.appendingPathComponent("out/course.xml").path
        let result = try CLI.run([
            "import", renamed, "--out", out, "--format", "json", "--option", "defaultDuration=PT30M",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }
}
