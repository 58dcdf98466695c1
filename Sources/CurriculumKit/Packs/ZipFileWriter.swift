import CurriculumPluginKit
import Foundation

/// Writes a deterministic zip archive straight to a file, one entry at a time, with the very bytes
/// ``ZipWriter`` would make for the same entries: stored, fixed date and permissions, no extra fields.
///
/// A file entry is streamed from disk in 1 MiB chunks with its CRC-32 computed on the way; its local header is
/// written first with a blank checksum and patched in place once the data is through. So a bundle holding a
/// 300 MB handout needs one chunk of memory, not the archive. Entries are written in the order they are added:
/// the caller sorts them.
final class ZipFileWriter {
    /// Where the archive is being written.
    let path: String
    private let descriptor: Int32
    private var offset = 0
    private var central: [UInt8] = []
    private var count = 0
    private var isClosed = false

    /// Creates the archive file (which must not exist yet) with fixed permissions.
    init(creating path: String) throws(PackFailure) {
        self.path = path
        self.descriptor = try FileWriting.create(path)
    }

    deinit {
        if !isClosed { Foundation.close(descriptor) }
    }

    /// Adds an entry holding bytes already in memory.
    func add(path name: String, bytes: [UInt8]) throws(PackFailure) {
        let start = try beginEntry(name)
        try append(bytes[...])
        try endEntry(name, start: start, size: bytes.count, crc: CRC32.checksum(bytes))
    }

    /// Adds an entry holding a file's contents, read in chunks.
    func add(path name: String, contentsOf file: String) throws(PackFailure) {
        let input = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else {
            throw PackFailure(kind: .io, message: "cannot read back \(file): \(String(cString: strerror(errno)))")
        }
        defer { Foundation.close(input) }
        let start = try beginEntry(name)
        var crc = CRC32()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 {
                throw PackFailure(kind: .io, message: "cannot read back \(file): \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            crc.update(chunk[0..<got])
            try append(chunk[0..<got])
            size += got
        }
        try endEntry(name, start: start, size: size, crc: crc.value)
    }

    /// Writes the central directory and the end record and closes the file; the pack writer flushes it to disk
    /// with the rest of the pack.
    func finish() throws(PackFailure) {
        guard count < 0xFFFF, offset < 0xFFFF_FFFF else { throw tooLarge() }
        let centralOffset = UInt32(offset)
        var end = central
        end += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
        end += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        try append(end[...])
        isClosed = true
        guard Foundation.close(descriptor) == 0 else {
            throw PackFailure(kind: .io, message: "cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }

    // MARK: - Entries

    /// Writes a local header whose checksum and sizes are filled in by ``endEntry(_:start:size:crc:)``.
    private func beginEntry(_ name: String) throws(PackFailure) -> Int {
        guard count + 1 < 0xFFFF, offset < 0xFFFF_FFFF else { throw tooLarge() }
        let start = offset
        let nameBytes = Array(name.utf8)
        var header = le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        header += le32(0) + le32(0) + le32(0) + le16(UInt16(nameBytes.count)) + le16(0)
        header += nameBytes
        try append(header[...])
        return start
    }

    /// Patches the local header's checksum and sizes, and records the entry for the central directory.
    private func endEntry(_ name: String, start: Int, size: Int, crc: UInt32) throws(PackFailure) {
        guard size < 0xFFFF_FFFF, offset < 0xFFFF_FFFF else { throw tooLarge() }
        let fields = le32(crc) + le32(UInt32(size)) + le32(UInt32(size))
        let written = fields.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(start + 14)) }
        guard written == fields.count else {
            throw PackFailure(kind: .io, message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let nameBytes = Array(name.utf8)
        // Central directory header: made by Unix (3), version 2.0; regular file, mode 0644.
        central += le32(0x0201_4b50) + le16(0x0314) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        central += fields + le16(UInt16(nameBytes.count)) + le16(0) + le16(0)
        central += le16(0) + le16(0) + le32(UInt32(0o100644) << 16) + le32(UInt32(start)) + nameBytes
        count += 1
    }

    private func append(_ bytes: ArraySlice<UInt8>) throws(PackFailure) {
        try FileWriting.writeAll(bytes, to: descriptor, path: path)
        offset += bytes.count
    }

    private func tooLarge() -> PackFailure {
        PackFailure(
            kind: .io, message: "cannot write \(path): a bundle cannot hold 4 GiB or more, nor 65,535 files or more")
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
}
