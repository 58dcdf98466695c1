import Foundation
import Testing

/// What a curriculum folder can hold besides ordinary files — FIFOs, links to folders, names that are not UTF-8,
/// includes repeated many times — through the binary. Each run goes through `/usr/bin/timeout`, so a hang
/// fails the test instead of stopping the suite.
@Suite struct FileSystemInputTests {
    static let namespace = "xmlns=\"urn:curriculumkit:curriculum:1\""

    static let programme = """
        <programme \(namespace) id="p" format-version="1.0" xml:lang="en">
          <meta><title>Programme</title></meta>
        </programme>

        """

    /// Runs the binary under a one-minute timeout; exit status 124 means it hung.
    static func run(_ arguments: [String], in folder: URL) throws -> CLI.Result {
        try CLI.run(["60", CLI.binary] + arguments, in: folder.path, executable: "/usr/bin/timeout")
    }

    static func writeText(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func makeFIFO(_ url: URL) throws {
        try #require(mkfifo(url.path, 0o644) == 0, "mkfifo failed")
    }

    // MARK: - Special files

    @Test func aFIFONamedXMLInAFolderIsReportedAndDoesNotBlock() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeText(Self.programme, to: folder.appendingPathComponent("c/programme.xml"))
        try Self.makeFIFO(folder.appendingPathComponent("c/pipe.xml"))
        let result = try Self.run(["validate", "c", "--format", "json"], in: folder)
        #expect(result.status == 1, "exit \(result.status) (124 is a hang): \(result.stderr)")
        let found = try result.diagnostics().filter { $0.code == "STR007" }
        #expect(found.map(\.path) == ["c/pipe.xml"])
        #expect(found.first?.message == "this is a FIFO, not a regular file")
    }

    @Test(arguments: ["validate", "pack"])
    func aFIFOUsedAsAnIncludeIsRefusedWithItsPosition(command: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            <programme \(Self.namespace) id="p" format-version="1.0" xml:lang="en">
              <meta><title>Programme</title></meta>
              <modules>
                <include href="pipe.xml" expect="module"/>
              </modules>
            </programme>
            """
        try Self.writeText(text, to: folder.appendingPathComponent("programme.xml"))
        try Self.makeFIFO(folder.appendingPathComponent("pipe.xml"))
        let arguments = command == "pack" ? ["pack", "programme.xml", "--out", "out"] : ["validate", "programme.xml"]
        let result = try Self.run(arguments, in: folder)
        #expect(result.status == 1, "exit \(result.status) (124 is a hang): \(result.stderr)")
        #expect(
            (result.stdout + result.stderr).contains(
                "programme.xml:4:5: error[STR007]: included file \"pipe.xml\" is a FIFO, not a regular file"),
            "\(result.stdout)\(result.stderr)")
    }

    @Test func aFIFOOrADeviceAsAResourceSaysWhatItIs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            <programme \(Self.namespace) id="p" format-version="1.0" xml:lang="en">
              <meta><title>Programme</title></meta>
              <resources>
                <resource id="r-pipe" kind="handout" href="pipe.md" media-type="text/markdown" for="all"><title>Pipe</title></resource>
                <resource id="r-null" kind="handout" href="null.md" media-type="text/markdown" for="all"><title>Null</title></resource>
              </resources>
            </programme>
            """
        try Self.writeText(text, to: folder.appendingPathComponent("programme.xml"))
        try Self.makeFIFO(folder.appendingPathComponent("pipe.md"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("null.md").path, withDestinationPath: "/dev/null")
        let result = try Self.run(["validate", "programme.xml", "--format", "json"], in: folder)
        #expect(result.status == 1, "exit \(result.status) (124 is a hang): \(result.stderr)")
        let messages = try result.diagnostics().filter { $0.code == "REF005" }.map(\.message)
        #expect(messages.contains("resource \"r-pipe\" names \"pipe.md\", which is a FIFO, not a regular file"))
        #expect(
            messages.contains("resource \"r-null\" names \"null.md\", which is a character device, not a regular file"))
    }

    // MARK: - Links to folders

    @Test func linksToTheFolderItselfAreNotFollowedAndTheSearchEnds() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeText(Self.programme, to: folder.appendingPathComponent("c/programme.xml"))
        for name in ["loop-a", "loop-b"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("c/\(name)").path, withDestinationPath: ".")
        }
        let result = try Self.run(["validate", "c", "--format", "json"], in: folder)
        #expect(result.status == 0, "exit \(result.status) (124 is a hang): \(result.stderr)")
        let skipped = try result.diagnostics().filter { $0.code == "STR014" }
        #expect(skipped.map(\.path) == ["c/loop-a", "c/loop-b"])
        #expect(skipped.first?.message == "c/loop-a is not read: it is a symbolic link to a folder")
        #expect(try result.json()["files"] as? [String] == ["c/programme.xml"])
    }

    @Test func aLinkedFolderOutsideTheCurriculumIsNotRead() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeText(Self.programme, to: folder.appendingPathComponent("c/programme.xml"))
        try Self.writeText("<not-a-curriculum/>", to: folder.appendingPathComponent("elsewhere/secret.xml"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("c/shared").path, withDestinationPath: "../elsewhere")
        let result = try Self.run(["validate", "c", "--format", "json"], in: folder)
        let diagnostics = try result.diagnostics()
        #expect(!diagnostics.contains { $0.path.contains("secret") }, "\(diagnostics)")
        #expect(diagnostics.map(\.code) == ["STR014"])
        #expect(diagnostics.first?.path == "c/shared")
    }

    // MARK: - Names that are not UTF-8

    @Test func namesThatAreNotUTF8AreReportedWithTheirBytesEscaped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeText(Self.programme, to: folder.appendingPathComponent("c/programme.xml"))
        // "café" in Latin-1, as a folder holding a document and as a document of its own.
        let base = Array(folder.appendingPathComponent("c").path.utf8)
        let folderName = base + Array("/caf".utf8) + [0xE9]
        let fileName = base + Array("/r".utf8) + [0xE9] + Array("sum.xml".utf8)
        try #require(mkdir(Self.cString(folderName), 0o755) == 0)
        for path in [folderName + Array("/inside.xml".utf8), fileName] {
            let descriptor = open(Self.cString(path), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            _ = Self.programme.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        let result = try Self.run(["validate", "c", "--format", "json"], in: folder)
        #expect(result.status == 0, "exit \(result.status): \(result.stderr)")
        let diagnostics = try result.diagnostics()
        #expect(!diagnostics.contains { $0.code == "STR007" }, "no false 'does not exist': \(diagnostics)")
        let skipped = diagnostics.filter { $0.code == "STR014" }
        #expect(Set(skipped.map(\.path)) == ["c/caf\\xE9", "c/r\\xE9sum.xml"], "\(diagnostics)")
        #expect(skipped.allSatisfy { $0.message.hasSuffix("is not read: its name is not valid UTF-8") })
    }

    static func cString(_ bytes: [UInt8]) -> [CChar] {
        (bytes + [0]).map { CChar(bitPattern: $0) }
    }

    // MARK: - Repeated includes

    @Test func aFileIncludedManyTimesIsReadOnceAndEachRepeatIsReported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 1_000
        let toModule = String(repeating: "    <include href=\"m.xml\" expect=\"module\"/>\n", count: count)
        let toCase = String(repeating: "    <include href=\"cs.xml\" expect=\"case-study\"/>\n", count: count)
        try Self.writeText(
            """
            <programme \(Self.namespace) id="p" format-version="1.0" xml:lang="en">
              <meta><title>Programme</title></meta>
              <modules>
            \(toModule)  </modules>
            </programme>
            """, to: folder.appendingPathComponent("programme.xml"))
        try Self.writeText(
            """
            <module \(Self.namespace) id="m">
              <title>Module</title>
              <case-studies>
            \(toCase)  </case-studies>
              <activities>
                <activity id="a" kind="input" duration="PT10M"><title>A</title></activity>
              </activities>
            </module>
            """, to: folder.appendingPathComponent("m.xml"))
        try Self.writeText(
            "<case-study \(Self.namespace) id=\"cs\" for=\"all\"><title>Case</title></case-study>",
            to: folder.appendingPathComponent("cs.xml"))
        let result = try Self.run(["validate", "programme.xml", "--format", "json"], in: folder)
        #expect(result.status == 1, "exit \(result.status) (124 is a hang): \(result.stderr)")
        let repeats = try result.diagnostics().filter { $0.message.contains("is already included at") }
        #expect(repeats.count == 2 * (count - 1))
        #expect(repeats.allSatisfy { $0.code == "REF001" })
        let first = try #require(repeats.first)
        #expect(first.path == "m.xml" && first.line == 5)
        #expect(first.message.hasPrefix("\"cs.xml\" is already included at m.xml:4:5"), "\(first.message)")
        #expect(try result.json()["files"] as? [String] == ["cs.xml", "m.xml", "programme.xml"])
    }
}
