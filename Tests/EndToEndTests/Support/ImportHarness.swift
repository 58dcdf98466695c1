import Foundation
import Testing

/// What every refused import must do, whatever the format: exit 1, report the code at the file and line in the
/// source, write no output and leave no staging folder.
enum ImportHarness {
    static func expectRefused(
        _ source: String, from format: String, code: String, file: String, line: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", source, "--from", format, "--out", out, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        let found = try result.diagnostics()
        #expect(
            found.contains { $0.code == code && $0.path.hasSuffix(file) && $0.line == line },
            "\(found.map { "\($0.code) \($0.path):\($0.line)" })", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no staging folder is left",
            sourceLocation: sourceLocation)
    }

    /// What an import with one broken part must do: import the rest, write it, and report the part at its
    /// reference in the source. The core rules may still find errors in what was written (exit 1).
    static func expectPartial(
        _ source: String, from format: String, code: String, file: String, line: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", source, "--from", format, "--out", out, "--format", "json"])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        let found = try result.diagnostics()
        #expect(
            found.contains { $0.code == code && $0.path.hasSuffix(file) && $0.line == line },
            "\(found.map { "\($0.code) \($0.path):\($0.line)" })", sourceLocation: sourceLocation)
        #expect(!found.contains { $0.code.hasPrefix("IMP00") && $0.code != "IMP001" && $0.code != "IMP002" })
        #expect(FileManager.default.fileExists(atPath: out), "the rest is written", sourceLocation: sourceLocation)
    }
}
