import CurriculumExportKit
import Foundation
import Testing

/// The default templates are files a trainer can read; the binary carries exactly those files.
@Suite struct DefaultTemplatesTests {
    static let folder = StringCatalogueTests.packageRoot.appendingPathComponent(
        "Sources/CurriculumExportKit/Resources/templates")

    @Test func theEmbeddedTemplatesAreTheFilesOnDisk() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names == DefaultTemplates.files.map(\.name).sorted())
        for (name, text) in DefaultTemplates.files {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(file == text + "\n", "\(name) is stale in the binary: run `make generate`")
        }
    }
}
