import CurriculumPluginKit
import Foundation

/// Reads every file of a zip archive into memory, refusing what could harm the machine or mislead the importer:
/// entries that climb out of the archive's folder, symbolic links, encrypted or unknown compression, duplicate
/// names, and entries or totals beyond ``ArchiveLimits`` — checked on the declared sizes and again while
/// inflating, since declared sizes can lie.
struct ZipReader {
    let bytes: Data
    /// The archive's name, for messages.
    let name: String
    let limits: ArchiveLimits

    private static let endOfDirectorySignature: UInt32 = 0x0605_4b50
    private static let directorySignature: UInt32 = 0x0201_4b50
    private static let localSignature: UInt32 = 0x0403_4b50

    /// Whether the bytes start like a zip archive (including an empty one).
    static func looksLikeZip(_ prefix: Data) -> Bool {
        prefix.count >= 4 && prefix[prefix.startIndex] == 0x50 && prefix[prefix.startIndex + 1] == 0x4B
            && [0x03, 0x05].contains(prefix[prefix.startIndex + 2])
    }

    /// The archive's regular files by path.
    func files() throws(ImportFailure) -> [String: Data] {
        let directory = try endOfDirectory()
        guard directory.entries <= limits.maxEntries else {
            throw failure("it holds \(directory.entries) entries, more than the limit of \(limits.maxEntries)")
        }
        var entries: [CentralEntry] = []
        var offset = directory.offset
        for _ in 0..<directory.entries {
            let entry = try centralEntry(at: offset)
            offset = entry.next
            entries.append(entry)
        }
        try checkLayout(entries, directoryOffset: directory.offset)
        // The declared sizes of all files, checked before anything is inflated (each entry is held to its
        // declared size while it is inflated).
        try checkDeclaredTotal(entries.reduce(0) { $0 + ($1.isDirectory ? 0 : $1.size) })
        var files: [String: Data] = [:]
        var total = 0
        for entry in entries {
            guard !entry.isDirectory else { continue }
            let path = try EntryName.checkedFile(entry.name, archive: name)
            guard !entry.isSymbolicLink else {
                throw failure("the entry \"\(path)\" is a symbolic link; links are refused")
            }
            guard files[path] == nil else { throw failure("the entry \"\(path)\" appears twice") }
            try checkDeclared(entry, path: path, total: total)
            let data = try contents(of: entry, path: path)
            total += data.count
            guard total <= limits.maxTotalBytes else {
                throw failure("its files expand to more than \(limits.totalDescription)")
            }
            files[path] = data
        }
        return files
    }

    /// The names of the archive's files, from the central directory alone: nothing is inflated.
    func names() throws(ImportFailure) -> [String] {
        let directory = try endOfDirectory()
        guard directory.entries <= limits.maxEntries else {
            throw failure("it holds \(directory.entries) entries, more than the limit of \(limits.maxEntries)")
        }
        var names: [String] = []
        var offset = directory.offset
        for _ in 0..<directory.entries {
            let entry = try centralEntry(at: offset)
            offset = entry.next
            if !entry.isDirectory { names.append(try EntryName.checkedFile(entry.name, archive: name)) }
        }
        return names
    }

    // MARK: - Structure

    private struct EndOfDirectory {
        var entries: Int
        var offset: Int
    }

    private struct CentralEntry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
        var isSymbolicLink: Bool
        var next: Int

        var isDirectory: Bool { name.hasSuffix("/") }
    }

    private func endOfDirectory() throws(ImportFailure) -> EndOfDirectory {
        let lowest = max(0, bytes.count - 22 - 65_535)
        var position = bytes.count - 22
        while position >= lowest {
            if u32(position) == Self.endOfDirectorySignature {
                let entries = Int(u16(position + 10))
                let offset = Int(u32(position + 16))
                if entries == 0xFFFF || offset == 0xFFFF_FFFF {
                    throw failure("it is a ZIP64 archive, which is not supported")
                }
                guard offset <= bytes.count else { throw failure("its central directory lies outside the file") }
                return EndOfDirectory(entries: entries, offset: offset)
            }
            position -= 1
        }
        throw failure("it is not a zip archive, or it is truncated (no central directory)")
    }

    private func centralEntry(at offset: Int) throws(ImportFailure) -> CentralEntry {
        guard offset + 46 <= bytes.count, u32(offset) == Self.directorySignature else {
            throw failure("its central directory is damaged")
        }
        let nameLength = Int(u16(offset + 28))
        let extraLength = Int(u16(offset + 30))
        let commentLength = Int(u16(offset + 32))
        let next = offset + 46 + nameLength + extraLength + commentLength
        guard next <= bytes.count else { throw failure("its central directory is damaged") }
        let flags = u16(offset + 8)
        let nameBytes = bytes[(bytes.startIndex + offset + 46)..<(bytes.startIndex + offset + 46 + nameLength)]
        let name = ZipEntryNameText.decode(nameBytes, flags: flags)
        let madeBy = u16(offset + 4) >> 8
        let externalAttributes = u32(offset + 38)
        let unixMode = externalAttributes >> 16
        return CentralEntry(
            name: name, method: u16(offset + 10), flags: flags, crc: u32(offset + 16),
            compressedSize: Int(u32(offset + 20)), size: Int(u32(offset + 24)), localOffset: Int(u32(offset + 42)),
            isSymbolicLink: madeBy == 3 && unixMode & 0o170000 == 0o120000, next: next)
    }

    /// Refuses entries whose bytes are not each their own: two entries at one offset, or one entry's header and
    /// data reaching into the next one's, or into the central directory. Such entries let a few kilobytes of
    /// compressed data be expanded again and again under different names, the shape of a zip bomb that the
    /// per-entry ratio check cannot see when each entry is small.
    private func checkLayout(_ entries: [CentralEntry], directoryOffset: Int) throws(ImportFailure) {
        var spans: [(start: Int, end: Int, index: Int, name: String)] = []
        spans.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let local = entry.localOffset
            guard local + 30 <= directoryOffset, u32(local) == Self.localSignature else {
                throw failure(
                    "the entry \"\(EntryName.shown(entry.name))\" has no local header where the directory says")
            }
            let end = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28)) + entry.compressedSize
            guard end <= directoryOffset else {
                throw failure(
                    "the data of the entry \"\(EntryName.shown(entry.name))\" runs into the central directory (a damaged or crafted archive)"
                )
            }
            spans.append((local, end, index, EntryName.shown(entry.name)))
        }
        // In directory order where offsets are equal, so the message names the same pair every time.
        spans.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        for (earlier, later) in zip(spans, spans.dropFirst()) where later.start < earlier.end {
            throw failure(
                "the entries \"\(earlier.name)\" and \"\(later.name)\" overlap (they share compressed data, as zip bombs do); overlapping entries are refused"
            )
        }
    }

    /// Refuses files that together expand beyond the total limit, or, past ``ArchiveLimits/totalRatioFloorBytes``,
    /// more than ``ArchiveLimits/maxRatio`` times the archive's size: many small entries are each exempt from the
    /// per-entry ratio check, but not together.
    private func checkDeclaredTotal(_ expanded: Int) throws(ImportFailure) {
        if expanded > limits.maxTotalBytes {
            throw failure("its files expand to more than \(limits.totalDescription)")
        }
        if expanded > limits.totalRatioFloorBytes && expanded > bytes.count * limits.maxRatio {
            throw failure(
                "its files expand to \(expanded / max(1, bytes.count)) times the archive's size, more than the limit of \(limits.maxRatio) (a decompression bomb?)"
            )
        }
    }

    private func checkDeclared(_ entry: CentralEntry, path: String, total: Int) throws(ImportFailure) {
        if entry.flags & 0x0001 != 0 { throw failure("the entry \"\(path)\" is encrypted") }
        guard entry.method == 0 || entry.method == 8 else {
            throw failure(
                "the entry \"\(path)\" uses compression method \(entry.method); only stored and deflate are read")
        }
        if entry.size > limits.maxEntryBytes {
            throw failure(
                "the entry \"\(path)\" expands to \(entry.size) bytes, more than the limit of \(limits.maxEntryBytes)")
        }
        try checkDeclaredTotal(total + entry.size)
        if entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio {
            throw failure(
                "the entry \"\(path)\" expands \(entry.size / max(1, entry.compressedSize)) times, more than the limit of \(limits.maxRatio) (a decompression bomb?)"
            )
        }
    }

    private func contents(of entry: CentralEntry, path: String) throws(ImportFailure) -> Data {
        let local = entry.localOffset
        guard local + 30 <= bytes.count, u32(local) == Self.localSignature else {
            throw failure("the entry \"\(path)\" has no local header where the directory says")
        }
        let start = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw failure("the entry \"\(path)\" runs past the end of the file")
        }
        let range = (bytes.startIndex + start)..<(bytes.startIndex + start + entry.compressedSize)
        let data: Data
        if entry.method == 0 {
            guard entry.compressedSize == entry.size else {
                throw failure("the stored entry \"\(path)\" has inconsistent sizes")
            }
            data = bytes.subdata(in: range)
        } else {
            let outcome = bytes[range].withUnsafeBytes {
                Inflater.expand($0, framing: .raw, limit: entry.size, expectedSize: entry.size)
            }
            switch outcome {
            case .expanded(let expanded): data = Data(expanded)
            case .tooLarge, .tooCompressed:
                throw failure("the entry \"\(path)\" expands beyond the size its header declares")
            case .damaged(let reason): throw failure("the entry \"\(path)\" is damaged: \(reason)")
            }
        }
        guard data.count == entry.size else {
            throw failure("the entry \"\(path)\" is shorter than its header declares")
        }
        guard CRC32.checksum(data) == entry.crc else {
            throw failure("the entry \"\(path)\" fails its CRC-32 check")
        }
        return data
    }

    // MARK: - Bytes

    private func u16(_ offset: Int) -> UInt16 {
        let base = bytes.startIndex + offset
        return UInt16(bytes[base]) | UInt16(bytes[base + 1]) << 8
    }

    private func u32(_ offset: Int) -> UInt32 {
        let base = bytes.startIndex + offset
        return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16
            | UInt32(bytes[base + 3]) << 24
    }

    private func failure(_ reason: String) -> ImportFailure {
        ImportFailure("\(name): \(reason); nothing was imported")
    }
}
