import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

/// The streamed bundle writer makes the same bytes as the in-memory ``ZipWriter``, so bundles stay byte-for-byte
/// reproducible while a large file is read one chunk at a time.
@Suite struct ZipFileWriterTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ck-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func streamedEntriesGiveTheBytesOfTheInMemoryArchive() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Larger than one 1 MiB chunk, with a size that is not a multiple of it, so the checksum spans chunks.
        let large = (0..<2_500_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let small = Array("<p>Café</p>\n".utf8)
        try Data(large).write(to: folder.appendingPathComponent("large.bin"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let path = folder.appendingPathComponent("streamed.zip").path
        let streamed = try ZipFileWriter(creating: path)
        try streamed.add(path: "p/a-empty.txt", contentsOf: folder.appendingPathComponent("empty.txt").path)
        try streamed.add(path: "p/b/large.bin", contentsOf: folder.appendingPathComponent("large.bin").path)
        try streamed.add(path: "p/c-é.html", bytes: small)
        try streamed.finish()
        var inMemory = ZipWriter()
        inMemory.add(path: "p/c-é.html", bytes: small)
        inMemory.add(path: "p/b/large.bin", bytes: large)
        inMemory.add(path: "p/a-empty.txt", bytes: [])
        let expected = try inMemory.archive()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == expected.count)
        #expect(written == expected, "the streamed archive differs from ZipWriter's")
    }

    @Test func anIncrementalChecksumEqualsTheOneCallChecksum() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        #expect(CRC32.checksum(bytes) == 0x414F_A339)
        var crc = CRC32()
        crc.update(bytes[0..<10])
        crc.update(bytes[10...])
        #expect(crc.value == 0x414F_A339)
    }

    @Test func aFileThatAlreadyExistsIsNeverOverwritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("taken.zip").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PackFailure.self) { try ZipFileWriter(creating: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    }
}
