import CurriculumExportKit
import Foundation
import Testing

/// Every exporter looks at and reads resource files through the kit: only regular files within the limit, and,
/// when read, only inside the curriculum root once links are resolved.
@Suite struct ResourceFilesTests {
    /// A fresh root holding `notes.md` (5 bytes), a FIFO, a link to a file outside the root and a folder.
    static func root() throws -> (root: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("resource-files-\(UUID())")
        let root = base.appendingPathComponent("root")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: root.appendingPathComponent("notes.md"))
        let outside = base.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("escape.txt"), withDestinationURL: outside)
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o600) == 0)
        return (root, base)
    }

    @Test func aRegularFileWithinTheLimitIsRead() throws {
        let (root, base) = try Self.root()
        defer { try? FileManager.default.removeItem(at: base) }
        let files = ResourceFiles(root: root.path)
        #expect(files.read("notes.md", limit: 5) == .success(Array("hello".utf8)))
        #expect(files.read("notes.md", limit: 4) == .failure(.tooLarge(size: 5, limit: 4)))
    }

    @Test func whatIsNotARegularFileInsideTheRootIsNeverRead() throws {
        let (root, base) = try Self.root()
        defer { try? FileManager.default.removeItem(at: base) }
        let files = ResourceFiles(root: root.path)
        #expect(files.read("pipe", limit: 100) == .failure(.notAFile), "a FIFO would block the read")
        #expect(files.read("folder", limit: 100) == .failure(.notAFile))
        #expect(files.read("missing.md", limit: 100) == .failure(.missing))
        #expect(files.read("escape.txt", limit: 100) == .failure(.outsideRoot), "a link out of the root")
        #expect(files.read("../secret.txt", limit: 100) == .failure(.outsideRoot))
        #expect(ResourceFiles.problem(at: root.appendingPathComponent("pipe").path, limit: 100) == .notAFile)
        #expect(ResourceFiles.problem(at: root.appendingPathComponent("notes.md").path, limit: 100) == nil)
    }
}
