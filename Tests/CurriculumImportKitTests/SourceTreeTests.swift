import Foundation
import Testing

@testable import CurriculumImportKit

@Suite struct SourceTreeTests {
    // MARK: - Archives that are fine

    @Test func readsStoredAndDeflatedZipEntriesWithTheirPaths() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "course.zip", in: folder,
            script: """
                with zipfile.ZipFile(OUT, 'w') as z:
                    z.writestr('imsmanifest.xml', '<manifest/>', compress_type=zipfile.ZIP_STORED)
                    z.writestr('pages/intro.html', '<p>' + 'Hello ' * 2000 + '</p>', compress_type=zipfile.ZIP_DEFLATED)
                    z.writestr('pages/', '')
                """)
        let tree = try SourceTree.open(path)
        #expect(tree.kind == .archive)
        #expect(tree.files == ["imsmanifest.xml", "pages/intro.html"])
        #expect(try tree.data("pages/intro.html").count == 3 + 12_000 + 4)
        #expect(tree.location("pages/intro.html", line: 3).description == path + "!/pages/intro.html:3:1")
    }

    @Test func readsAGzippedTarWithGNUAndPaxLongNames() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "sub/", count: 40) + "vertical.xml"
        let path = try ArchiveFixtures.make(
            "course.tar.gz", in: folder,
            script: """
                def add(t, name, data):
                    info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
                with tarfile.open(OUT, 'w:gz', format=tarfile.GNU_FORMAT) as t:
                    add(t, './course/course.xml', b'<course url_name="x"/>')
                    add(t, 'course/gnu/\(long)', b'<vertical/>')
                with tarfile.open(OUT + '.pax', 'w', format=tarfile.PAX_FORMAT) as t:
                    add(t, 'course/pax/\(long)', b'<vertical/>')
                """)
        let tree = try SourceTree.open(path)
        #expect(tree.files == ["course/course.xml", "course/gnu/" + long])
        let pax = try SourceTree.open(path + ".pax")
        #expect(pax.files == ["course/pax/" + long])
        #expect(try String(decoding: pax.data("course/pax/" + long), as: UTF8.self) == "<vertical/>")
    }

    // MARK: - Archives that are refused

    @Test(arguments: [
        ("zip", "../../evil.sh", "climbs out"), ("zip", "/etc/cron.d/evil", "absolute"),
        ("zip", "..\\\\evil.bat", "backslash"), ("tar", "course/../../evil.sh", "climbs out"),
    ])
    func refusesEntriesThatWouldLandOutsideTheArchivesFolder(kind: String, entry: String, reason: String) throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script =
            kind == "zip"
            ? "with zipfile.ZipFile(OUT, 'w') as z:\n    z.writestr('ok.xml', '<a/>')\n    z.writestr(\(pythonString(entry)), 'x')"
            : "with tarfile.open(OUT, 'w:gz') as t:\n    i = tarfile.TarInfo(\(pythonString(entry))); i.size = 1; t.addfile(i, io.BytesIO(b'x'))"
        let path = try ArchiveFixtures.make("slip.\(kind)", in: folder, script: script)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains(reason), "\(failure.message)")
        #expect(failure.message.contains("nothing was imported"))
    }

    @Test(arguments: ["zip", "tar"])
    func refusesSymbolicLinksInsideArchives(kind: String) throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script =
            kind == "zip"
            ? """
            with zipfile.ZipFile(OUT, 'w') as z:
                i = zipfile.ZipInfo('static/passwd'); i.create_system = 3
                i.external_attr = (stat.S_IFLNK | 0o777) << 16
                z.writestr(i, '/etc/passwd')
            """
            : """
            with tarfile.open(OUT, 'w:gz') as t:
                i = tarfile.TarInfo('static/passwd'); i.type = tarfile.SYMTYPE; i.linkname = '/etc/passwd'; t.addfile(i)
            """
        let path = try ArchiveFixtures.make("link.\(kind)", in: folder, script: script)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("link"), "\(failure.message)")
    }

    @Test func refusesAZipBombByItsDeclaredRatioBeforeInflating() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "bomb.zip", in: folder,
            script: """
                with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as z:
                    z.writestr('zeros.xml', b'\\0' * (60 * 1024 * 1024))
                """)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("decompression bomb"), "\(failure.message)")
    }

    @Test func refusesAGzipBombWhileInflating() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "bomb.tar.gz", in: folder,
            script: """
                with tarfile.open(OUT, 'w:gz') as t:
                    i = tarfile.TarInfo('zeros.xml'); i.size = 60 * 1024 * 1024
                    t.addfile(i, io.BytesIO(b'\\0' * i.size))
                """)
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(path) }
        #expect(failure.message.contains("decompression bomb"), "\(failure.message)")
    }

    @Test func refusesTooManyEntriesAndDuplicateNames() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let many = try ArchiveFixtures.make(
            "many.zip", in: folder,
            script: "with zipfile.ZipFile(OUT, 'w') as z:\n    [z.writestr('f%d.xml' % n, '') for n in range(30)]")
        let limits = ArchiveLimits(maxEntries: 20)
        let tooMany = try #require(throws: ImportFailure.self) { try SourceTree.open(many, limits: limits) }
        #expect(tooMany.message.contains("more than the limit of 20"))
        let twice = try ArchiveFixtures.make(
            "twice.zip", in: folder,
            script:
                "import warnings\nwarnings.simplefilter('ignore')\nwith zipfile.ZipFile(OUT, 'w') as z:\n    z.writestr('a.xml', '1')\n    z.writestr('a.xml', '2')"
        )
        let duplicate = try #require(throws: ImportFailure.self) { try SourceTree.open(twice) }
        #expect(duplicate.message.contains("appears twice"))
    }

    @Test func refusesATruncatedArchive() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ArchiveFixtures.make(
            "cut.zip", in: folder,
            script: """
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
                    z.writestr('a.xml', 'x' * 5000)
                open(OUT, 'wb').write(buffer.getvalue()[:60])
                """)
        #expect(throws: ImportFailure.self) { try SourceTree.open(path) }
    }

    // MARK: - Folders

    @Test func aLinkLeavingTheSourceFolderFailsTheImportAndOneInsideIsRead() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try Data("<a/>".utf8).write(to: folder.appendingPathComponent("a.xml"))
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("b.xml").path, withDestinationPath: "a.xml")
        #expect(try SourceTree.open(folder.path).files == ["a.xml", "b.xml"])
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("secret").path, withDestinationPath: "/etc/hostname")
        let failure = try #require(throws: ImportFailure.self) { try SourceTree.open(folder.path) }
        #expect(failure.message.contains("leads outside the source folder"))
    }

    @Test(
        arguments: [
            ("../static/a.pdf", "html/intro.xml", "static/a.pdf"), ("b.html#top", "html/a.html", "html/b.html"),
            ("./x%20y.pdf", "a.xml", "x y.pdf"), ("https://example.org/a", "a.xml", nil),
            ("../../etc/passwd", "html/a.xml", nil), ("/abs.pdf", "a.xml", nil), ("#only", "a.xml", nil),
        ] as [(String, String, String?)])
    func resolvesReferencesInsideTheTreeOnly(href: String, from file: String, expected: String?) throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SourceTree.open(folder.path).resolve(href, from: file) == expected)
    }

    private func pythonString(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
