import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumImportKit

/// The bounds that keep a small archive from expanding into a large import: the total of all entries, entries that
/// share their compressed data, and the option that sets the total.
@Suite struct ArchiveLimitsTests {
    /// A zip whose central directory lists `count` entries, all pointing at one local header and its deflated
    /// megabyte of zeros: each entry is within the per-entry ratio exemption, and together they expand `count`
    /// times from a few kilobytes.
    static let overlappingZipScript = """
        import struct, zlib
        count = int(os.environ.get('COUNT', '100'))
        data = b'\\0' * (1024 * 1024)
        packed = zlib.compressobj(9, zlib.DEFLATED, -15)
        body = packed.compress(data) + packed.flush()
        crc = zlib.crc32(data)
        name = b'shared.xml'
        local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x21, crc, len(body), len(data), len(name), 0)
        out = local + name + body
        central = b''
        for n in range(count):
            entry = b'f%03d.xml' % n
            central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0x21, crc, len(body),
                                   len(data), len(entry), 0, 0, 0, 0, 0, 0) + entry
        end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, count, count, len(central), len(out), 0)
        open(OUT, 'wb').write(out + central + end)
        """

    @Test func refusesEntriesThatShareOneBlockOfCompressedData() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make("overlap.zip", in: folder, script: Self.overlappingZipScript)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 10_000, "the fixture is a small archive")
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("overlap.zip: the entries \"f000.xml\" and \"f001.xml\" overlap"))
        #expect(failure.message.contains("nothing was imported"))
    }

    @Test func refusesAnEntryWhoseDataRunsIntoTheNextEntrysHeader() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two genuine entries; the first one's compressed size in the directory is raised so that its data
        // would take in the second entry's local header.
        let path = try ArchiveFixtures.make(
            "stretched.zip", in: folder,
            script: """
                import struct
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_STORED) as z:
                    z.writestr('a.xml', '<a/>')
                    z.writestr('b.xml', '<b/>')
                raw = bytearray(buffer.getvalue())
                directory = raw.find(b'PK\\x01\\x02')
                struct.pack_into('<I', raw, directory + 20, 40)
                open(OUT, 'wb').write(bytes(raw))
                """)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("\"a.xml\" and \"b.xml\" overlap"), "\(failure.message)")
    }

    @Test func boundsTheTotalOfManySmallEntriesAndSaysHowToRaiseIt() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Twelve separate entries of 1 MB each: none passes the per-entry checks, together they pass 8 MB.
        let path = try ArchiveFixtures.make(
            "many.zip", in: folder,
            script: """
                with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as z:
                    for n in range(12):
                        z.writestr('f%02d.xml' % n, b'\\0' * (1024 * 1024))
                """)
        let limits = ArchiveLimits(maxTotalBytes: 8 * 1_048_576)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path, limits: limits) }
        #expect(
            failure.message.contains(
                "many.zip: its files expand to more than 8 MB (the limit; raise it with --option maxExpandedMB=N)"),
            "\(failure.message)")
        #expect(try SourceTree.open(path).files.count == 12, "the standard limits accept it")
    }

    @Test func manySmallEntriesThatCompressTooWellTogetherAreABomb() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Forty separate entries of a megabyte of zeros: each is exempt from the per-entry ratio, and the 40 MB
        // they hold is far below the total limit, but a 40 KB archive may not expand a thousand times.
        let path = try ArchiveFixtures.make(
            "zeros.zip", in: folder,
            script: """
                with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as z:
                    for n in range(40):
                        z.writestr('f%02d.xml' % n, b'\\0' * (1024 * 1024))
                """)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.hasPrefix("zeros.zip: its files expand to "), "\(failure.message)")
        #expect(
            failure.message.contains(" times the archive's size, more than the limit of 200 (a decompression bomb?)"))
    }

    @Test func boundsTheTotalOfAGzippedTar() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "many.tar.gz", in: folder,
            script: """
                with tarfile.open(OUT, 'w:gz') as t:
                    for n in range(3):
                        i = tarfile.TarInfo('course/f%d.xml' % n); i.size = 1024 * 1024
                        t.addfile(i, io.BytesIO(os.urandom(i.size)))
                """)
        let limits = ArchiveLimits(maxTotalBytes: 2 * 1_048_576)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path, limits: limits) }
        #expect(failure.message.contains("more than 2 MB (the limit; raise it with --option maxExpandedMB=N)"))
    }

    @Test func theExpandedTotalIsAnImporterOption() throws {
        #expect(ArchiveLimits.standard.maxTotalBytes == 256 * 1_048_576)
        #expect(try ArchiveLimits(options: [:]) == .standard)
        let raised = try ArchiveLimits(options: ["maxExpandedMB": .string("1024")])
        #expect(raised.maxTotalBytes == 1024 * 1_048_576 && raised.maxArchiveBytes == 1024 * 1_048_576)
        #expect(try ArchiveLimits(options: ["maxExpandedMB": .number(16)]).maxTotalBytes == 16 * 1_048_576)
        for bad: JSONValue in [.string("lots"), .number(0), .number(1.5), .string("-3"), .number(1e9)] {
            let error = try #require(throws: RPCError.self) { try ArchiveLimits(options: ["maxExpandedMB": bad]) }
            #expect(error.code == PluginProtocol.ErrorCode.invalidParams)
            #expect(error.message.contains("maxExpandedMB"))
        }
    }

    // MARK: - Names

    @Test func aTarMadeFromInsideItsFolderWithDotSlashNamesIsRead() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("course")
        try FileManager.default.createDirectory(
            at: course.appendingPathComponent("chapter"), withIntermediateDirectories: true)
        try Data("<course/>".utf8).write(to: course.appendingPathComponent("course.xml"))
        try Data("<chapter/>".utf8).write(to: course.appendingPathComponent("chapter/week1.xml"))
        let archive = folder.appendingPathComponent("course.tar.gz").path
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", archive, "-C", course.path, "."]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let tree = try SourceTree.open(archive)
        #expect(tree.files == ["chapter/week1.xml", "course.xml"])
    }

    @Test(arguments: ["./../evil.sh", "././../../evil.sh", "./a/../../evil.sh", "./", "."])
    func dotSlashDoesNotHideAnEntryThatClimbsOutOrHasNoName(entry: String) throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "slip.tar", in: folder,
            script:
                "with tarfile.open(OUT, 'w') as t:\n    i = tarfile.TarInfo('\(entry)'); i.size = 1; t.addfile(i, io.BytesIO(b'x'))"
        )
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("nothing was imported"), "\(failure.message)")
    }
}
