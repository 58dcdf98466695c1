import Foundation
import Testing

/// `curriculum init`: a starter that validates without a finding and packs, and refuses to overwrite.
@Suite struct InitCommandTests {
    @Test(arguments: ["en", "fr"])
    func theStarterValidatesWithoutFindingsAndPacks(language: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("my-workshop").path
        let initialised = try CLI.run(["init", workshop, "--language", language])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        for file in [
            "programme.xml", "curriculum.json", "README.md", "handouts/worksheet.md", "deliveries/example-cohort.xml",
        ] {
            #expect(FileManager.default.fileExists(atPath: workshop + "/" + file), "\(file)")
        }
        let validate = try CLI.run(["validate", workshop, "--fail-on", "info"])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout == "0 errors, 0 warnings, 0 info in 5 files\n", "\(validate.stdout)")
        let programme = try String(contentsOfFile: workshop + "/programme.xml", encoding: .utf8)
        #expect(programme.contains("xml:lang=\"\(language)\""))
        #expect(programme.contains("<provenance>"))
        let pack = try CLI.run(["pack", workshop, "--out", folder.appendingPathComponent("packs").path])
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(pack.stdout.contains("packed s1 → "), "\(pack.stdout)")
        let guide = try String(
            contentsOf: folder.appendingPathComponent("packs/my-workshop-s1/facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains("Written by the course team"))
    }

    @Test func theReadmeExplainsTheLoop() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        for step in ["curriculum validate .", "curriculum explain", "curriculum show .", "curriculum pack ."] {
            #expect(readme.contains(step), "\(step)")
        }
    }

    @Test func aFolderWithFilesIsRefusedAndLeftAsItWas() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("notes.txt")
        try "mine".write(to: mine, atomically: true, encoding: .utf8)
        let result = try CLI.run(["init", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func aLanguageThatIsNotATagIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["init", folder.appendingPathComponent("w").path, "--language", "French!"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--language must be a language tag"))
    }
}
