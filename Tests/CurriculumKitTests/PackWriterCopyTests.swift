import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

/// How the core copies a `copyOf` artifact: only a regular file inside the root, never waiting on a FIFO, and the
/// bytes whole.
@Suite struct PackWriterCopyTests {
    static func root() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ck-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func copying(_ source: String, in root: URL) throws(PackFailure) -> [String: [UInt8]] {
        let writer = PackWriter(root: CurriculumRoot(path: root.path))
        let artifact = Artifact(path: "handouts/copy.bin", copyOf: source)
        return try writer.contents(of: [PackWriter.Item(artifact: artifact, exporter: "html")])
    }

    @Test func copiesARegularFileWhole() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try Data(bytes).write(to: root.appendingPathComponent("big.bin"))
        #expect(try Self.copying("big.bin", in: root)["handouts/copy.bin"] == bytes)
        try Data().write(to: root.appendingPathComponent("empty.bin"))
        #expect(try Self.copying("empty.bin", in: root)["handouts/copy.bin"] == [])
    }

    @Test func refusesAFIFOWithoutWaitingForAWriter() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("pipe.md").path, 0o644) == 0)
        let failure = try #require(throws: PackFailure.self) { try Self.copying("pipe.md", in: root) }
        #expect(
            failure.message.contains("asked to copy \"pipe.md\" into handouts/copy.bin, but that is not a regular file")
        )
    }

    @Test func refusesAFolderAndAMissingFile() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let folder = try #require(throws: PackFailure.self) { try Self.copying("folder", in: root) }
        #expect(folder.message.contains("that is not a regular file"))
        let missing = try #require(throws: PackFailure.self) { try Self.copying("nowhere.md", in: root) }
        #expect(missing.message.contains("that file does not exist"))
    }
}
