import CurriculumKit
import Foundation
import Testing

/// Files generated from the code must be regenerated when the code changes (`make generate`).
@Suite struct GeneratedFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func rulesReferenceIsUpToDate() throws {
        let committed = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(committed == RuleDocumentation.markdown(), "docs/rules.md is stale: run `make generate`")
    }

    @Test func embeddedSchemaMatchesTheSchemaFile() throws {
        let file = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Schemas/curriculum.xsd"), encoding: .utf8)
        #expect(
            CurriculumSchema.source + "\n" == file || CurriculumSchema.source == file,
            "the embedded schema is stale: run `make generate`")
    }
}
