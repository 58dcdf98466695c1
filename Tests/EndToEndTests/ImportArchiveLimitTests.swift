import Foundation
import Testing

/// Archive bounds through `curriculum import`: a small zip must not expand into a large import, and the total an
/// archive may expand to is an importer option.
@Suite struct ImportArchiveLimitTests {
    static func overlappingZip(in folder: URL, entries: Int = 200) throws -> String {
        let path = folder.appendingPathComponent("course.imscc").path
        let made = try CLI.run(
            [CLI.fixture("import/make_overlapping_zip.py"), path, String(entries)], executable: "/usr/bin/python3")
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    @Test func aZipWhoseEntriesShareOneBlockOfDataIsRefusedWithIMP005() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.overlappingZip(in: folder)
        let out = folder.appendingPathComponent("out/course.xml").path
        let result = try CLI.run(["import", archive, "--out", out])
        // With --out, the findings are printed on standard output.
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("error[IMP005]"), "\(result.stdout)")
        #expect(result.stdout.contains("\"pages/p0000.html\" and \"pages/p0001.html\" overlap"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theExpandedTotalCanBeLoweredAndABadValueIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three separate 1 MB pages: accepted by default, refused under a 2 MB total.
        let archive = folder.appendingPathComponent("pages.imscc").path
        let made = try CLI.run(
            [
                "-c",
                """
                import sys, zipfile
                with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                    z.writestr('imsmanifest.xml', '<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" identifier="m"/>')
                    for n in range(3):
                        z.writestr('pages/p%d.html' % n, b' ' * (1024 * 1024))
                """, archive,
            ], executable: "/usr/bin/python3")
        #expect(made.status == 0, "\(made.stderr)")
        let lowered = try CLI.run(["import", archive, "--option", "maxExpandedMB=2"])
        #expect(lowered.status == 1, "\(lowered.stderr)")
        #expect(
            lowered.stderr.contains("more than 2 MB (the limit; raise it with --option maxExpandedMB=N)"),
            "\(lowered.stderr)")
        let standard = try CLI.run(["import", archive])
        #expect(!standard.stderr.contains("IMP005"), "\(standard.stderr)")
        let bad = try CLI.run(["import", archive, "--option", "maxExpandedMB=lots"])
        #expect(bad.status == 2, "\(bad.stderr)")
        #expect(bad.stderr.contains("option maxExpandedMB must be a whole number of MB"))
    }
}
