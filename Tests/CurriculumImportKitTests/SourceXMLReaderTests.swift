import Foundation
import Testing

@testable import CurriculumImportKit

@Suite struct SourceXMLReaderTests {
    @Test func aDoctypeNamingAnExternalDTDIsAcceptedWithoutLoadingIt() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let topic = """
            <?xml version="1.0"?>
            <!DOCTYPE concept PUBLIC "-//OASIS//DTD DITA Concept//EN" "file:///etc/passwd">
            <concept id="c"><title>Partners</title></concept>
            """
        try Data(topic.utf8).write(to: folder.appendingPathComponent("c.dita"))
        var report = ImportReport()
        let root = SourceXMLReader(tree: try SourceTree.open(folder.path)).parse("c.dita", report: &report)
        #expect(root?.name == "concept")
        #expect(report.diagnostics.isEmpty)
    }

    @Test func entityDeclarationsAreRefusedAtTheirLine() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = """
            <?xml version="1.0"?>
            <!DOCTYPE manifest [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <manifest>&x;</manifest>
            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("imsmanifest.xml"))
        var report = ImportReport()
        let root = SourceXMLReader(tree: try SourceTree.open(folder.path)).parse("imsmanifest.xml", report: &report)
        #expect(root == nil)
        let problem = try #require(report.diagnostics.first)
        #expect(problem.code == ImportCode.forbiddenConstruct)
        #expect(problem.location?.line == 2)
        #expect(problem.location?.path.hasSuffix("/imsmanifest.xml") == true)
    }

    @Test func aMissingFileIsReportedWhereItWasReferredTo() throws {
        let folder = try ArchiveFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = ImportReport()
        let tree = try SourceTree.open(folder.path)
        let from = tree.location("map.ditamap", line: 7, column: 5)
        #expect(SourceXMLReader(tree: tree).parse("topics/gone.dita", report: &report, referencedFrom: from) == nil)
        #expect(report.diagnostics.map(\.code) == [ImportCode.missingFile])
        #expect(report.diagnostics.first?.location == from)
    }
}
