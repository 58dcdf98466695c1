import CurriculumModel
import Foundation

/// A JSON document with the diagnostics, the files and the counts.
struct JSONReportRenderer {
    let input: RenderInput

    private struct Document: Encodable {
        var version = 1
        var tool = ToolVersion.name
        var toolVersion = ToolVersion.current
        var diagnostics: [Diagnostic]
        var files: [String]
        var summary: Counts
    }

    private struct Counts: Encodable {
        var errors: Int
        var warnings: Int
        var infos: Int
        var files: Int
        var failed: Bool
    }

    func render() -> String {
        let summary = input.report.summary
        let document = Document(
            diagnostics: input.report.diagnostics, files: input.report.files,
            summary: Counts(
                errors: summary.errors, warnings: summary.warnings, infos: summary.infos, files: summary.files,
                failed: input.report.diagnostics.contains(where: input.fails)))
        return JSONOutput.string(document)
    }
}

/// Deterministic, readable JSON.
enum JSONOutput {
    static func string(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
