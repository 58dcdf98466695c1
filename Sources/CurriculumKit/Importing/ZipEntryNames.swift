import CurriculumPluginKit
import Foundation

/// The names of the entries of a zip archive, read from its central directory without expanding anything, so
/// `--from auto` can look for marker files inside an archive. Anything unusual (ZIP64, a directory that does not
/// fit the file) gives `nil`, and the source is recognised by its name instead; the importer opens the archive
/// itself and reports what is wrong with it. Names are decoded as the importers decode them (``ZipEntryNameText``).
enum ZipEntryNames {
    /// The most entries looked at; a marker file is near the top of any real course.
    static let maxEntries = 100_000

    static func of(_ path: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22 else { return nil }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
        let tailLength = min(size, 65_557)
        guard (try? handle.seek(toOffset: size - tailLength)) != nil,
            let tail = try? handle.read(upToCount: Int(tailLength)), tail.count == Int(tailLength)
        else { return nil }
        let bytes = [UInt8](tail)
        var end = bytes.count - 22
        while end >= 0 && !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6)
        {
            end -= 1
        }
        guard end >= 0 else { return nil }
        let count = Int(le16(bytes, end + 10))
        let directorySize = UInt64(le32(bytes, end + 12))
        let directoryOffset = UInt64(le32(bytes, end + 16))
        guard count < maxEntries, directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size,
            (try? handle.seek(toOffset: directoryOffset)) != nil,
            let directory = try? handle.read(upToCount: Int(directorySize)), directory.count == Int(directorySize)
        else { return nil }
        let entries = [UInt8](directory)
        var names: [String] = []
        var offset = 0
        for _ in 0..<count {
            guard offset + 46 <= entries.count, le32(entries, offset) == 0x0201_4B50 else { return nil }
            let nameLength = Int(le16(entries, offset + 28))
            let extraLength = Int(le16(entries, offset + 30))
            let commentLength = Int(le16(entries, offset + 32))
            guard offset + 46 + nameLength <= entries.count else { return nil }
            let flags = le16(entries, offset + 8)
            names.append(ZipEntryNameText.decode(entries[(offset + 46)..<(offset + 46 + nameLength)], flags: flags))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return names
    }

    private static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(le16(bytes, at)) | UInt32(le16(bytes, at + 2)) << 16
    }
}
