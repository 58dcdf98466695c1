import Foundation
import Testing

/// Artifact paths that would not survive on every system a pack is opened on are refused before anything is
/// staged: Windows device names, characters Windows refuses, trailing dots, over-long segments, and a file that
/// another path needs as a folder; a clash names both paths and both exporters.
@Suite struct PackPathRuleTests {
    static let exporter = CLI.fixture("plugins/exporters/curriculum-plugin-bad-exporter.sh")

    static func pack(option: String, value: String, formats: [String] = ["bad", "md"]) throws -> (CLI.Result, URL) {
        let folder = try PackCommandTests.workspace(
            configuration: #"{"plugins": [{"command": ["\#(exporter)"], "options": {"\#(option)": "\#(value)"}}]}"#)
        let result = try CLI.run(
            ["pack", folder.appendingPathComponent("c").path, "--trust-config"]
                + formats.flatMap { ["--format", $0] } + ["--out", folder.appendingPathComponent("out").path])
        return (result, folder)
    }

    static let refused: [(path: String, reason: String)] = [
        ("CON", "is a device name Windows reserves"),
        ("aux.txt", "is a device name Windows reserves"),
        ("docs/Lpt3.md", "is a device name Windows reserves"),
        ("ab:c", "contains ':', which Windows does not allow"),
        ("dir/C:x", "contains ':', which Windows does not allow"),
        ("notes.", "ends with a dot or a space"),
        ("what?.txt", "contains '?'"),
        (String(repeating: "n", count: 300) + ".txt", "is 304 bytes long; file systems allow 255"),
    ]

    @Test(arguments: refused)
    func aPathNotEverySystemCanHoldIsRefusedAndNothingIsWritten(path: String, reason: String) throws {
        let (result, folder) = try Self.pack(option: "path", value: path)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(path): \(result.stderr)")
        #expect(result.stderr.contains("exporter \"bad-exporter\" returned the artifact path"), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(path): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aFileThatAnotherPathNeedsAsAFolderIsRefusedNamingBoth() throws {
        let (result, folder) = try Self.pack(option: "also", value: "a.txt/inner.txt", formats: ["bad"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                #"exporter "bad-exporter" returned "a.txt/inner.txt", which needs "a.txt" to be a folder, but exporter "bad-exporter" returned it as a file"#
            ), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aClashWithABundledExportersFileNamesBothExporters() throws {
        let (result, folder) = try Self.pack(option: "path", value: "S1.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("which clashes with"), "\(result.stderr)")
        #expect(result.stderr.contains(#"from exporter ""#), "\(result.stderr)")
        #expect(result.stderr.contains("bad-exporter") && result.stderr.contains("markdown"), "\(result.stderr)")
    }
}
