/// Writes deterministic zip archives: entries sorted by path, stored (not compressed), a fixed date
/// (1980-01-01 00:00), fixed permissions, no extra fields and no directory entries — so the same files always
/// give the same bytes, whatever the clock, time zone, umask or locale.
public struct ZipWriter: Sendable {
    /// One file in the archive.
    public struct Entry: Sendable {
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    private var entries: [Entry] = []

    /// Creates an empty archive.
    public init() {}

    /// Adds a file; the path must already have passed the artifact path rules.
    public mutating func add(path: String, bytes: [UInt8]) {
        entries.append(Entry(path: path, bytes: bytes))
    }

    /// The archive bytes. Entries whose path is in `first` come first in that order (some formats need a file
    /// at the start, such as EPUB's `mimetype`); the rest follow sorted by path.
    /// - Throws: ``ZipError`` when the archive would need the zip64 extensions (4 GiB or 65,535 entries).
    public func archive(first: [String] = []) throws(ZipError) -> [UInt8] {
        let ordered =
            first.compactMap { name in entries.first { $0.path == name } }
            + entries.filter { !first.contains($0.path) }.sorted {
                Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8))
            }
        guard ordered.count < 0xFFFF else { throw ZipError(reason: "more than 65,534 files") }
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in ordered {
            let name = Array(entry.path.utf8)
            let crc = CRC32.checksum(entry.bytes)
            guard entry.bytes.count < 0xFFFF_FFFF, output.count < 0xFFFF_FFFF else {
                throw ZipError(reason: "larger than 4 GiB")
            }
            let offset = UInt32(output.count)
            let size = UInt32(entry.bytes.count)
            // Local file header.
            output += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            output += le32(crc) + le32(size) + le32(size) + le16(UInt16(name.count)) + le16(0)
            output += name + entry.bytes
            // Central directory header: made by Unix (3), version 2.0; regular file, mode 0644.
            central += le32(0x0201_4b50) + le16(0x0314) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(UInt32(0o100644) << 16) + le32(offset) + name
        }
        let centralOffset = UInt32(output.count)
        output += central
        output += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(ordered.count)) + le16(UInt16(ordered.count))
        output += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return output
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
}

/// Why an archive could not be written.
public struct ZipError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot write the zip archive: \(reason)" }
}
