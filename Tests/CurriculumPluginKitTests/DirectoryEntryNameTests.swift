import CurriculumPluginKit
import Foundation
import Testing

@Suite struct DirectoryEntryNameTests {
    /// `readdir` records are as short as their names. A record is placed so that its name ends the last byte
    /// before an unreadable page: reading the name must stop at its zero, where copying `dirent` would fault.
    @Test func aNameIsReadUpToItsEndEvenWhenTheRecordEndsAPage() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(
            mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "mmap failed")
        #expect(memory != MAP_FAILED)
        defer { munmap(memory, 2 * page) }
        #expect(mprotect(memory + page, page, PROT_NONE) == 0)
        let name = Array("unit-7.xml".utf8) + [0]
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let record = memory + page - name.count - offset
        name.withUnsafeBytes { (record + offset).copyMemory(from: $0.baseAddress!, byteCount: name.count) }
        let entry = UnsafePointer<dirent>(record.assumingMemoryBound(to: dirent.self))
        #expect(DirectoryEntryName.string(of: entry) == "unit-7.xml")
        #expect(DirectoryEntryName.bytes(of: entry) == Array("unit-7.xml".utf8))
    }

    @Test func namesOfAFolderAreListedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-dirent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["a", "café.xml", String(repeating: "n", count: 255)] + (0..<300).map { "file-\($0).html" }
        for name in names { try Data().write(to: folder.appendingPathComponent(name)) }
        let stream = try #require(opendir(folder.path))
        defer { closedir(stream) }
        var listed: [String] = []
        while let entry = readdir(stream) { listed.append(DirectoryEntryName.string(of: entry)) }
        #expect(Set(listed) == Set(names + [".", ".."]))
    }
}
