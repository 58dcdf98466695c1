import Foundation

/// Reads the regular files of a POSIX (ustar), GNU or pax tar archive — the layout of an Open edX course export —
/// refusing links, devices, names that climb out of the archive's folder, and sizes beyond ``ArchiveLimits``.
struct TarReader {
    let bytes: [UInt8]
    /// The archive's name, for messages.
    let name: String
    let limits: ArchiveLimits

    private static let block = 512

    /// Whether the bytes start with a tar header (the `ustar` magic at offset 257).
    static func looksLikeTar(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 262 && Array(prefix[257..<262]) == Array("ustar".utf8)
    }

    /// The archive's regular files by path.
    func files() throws(ImportFailure) -> [String: Data] {
        var files: [String: Data] = [:]
        var offset = 0
        var pendingName: String?
        var total = 0
        var entries = 0
        while offset + Self.block <= bytes.count {
            let headerOffset = offset
            let header = bytes[offset..<(offset + Self.block)]
            if header.allSatisfy({ $0 == 0 }) { break }
            guard checksumMatches(at: offset) else {
                throw failure("the header at byte \(offset) is damaged (checksum mismatch)")
            }
            let size = try octal(at: offset + 124, length: 12)
            let type = bytes[offset + 156]
            let dataStart = offset + Self.block
            guard size <= limits.maxEntryBytes else {
                throw failure("an entry holds \(size) bytes, more than the limit of \(limits.maxEntryBytes)")
            }
            guard dataStart + size <= bytes.count else { throw failure("it ends in the middle of an entry") }
            let content = bytes[dataStart..<(dataStart + size)]
            offset = dataStart + (size + Self.block - 1) / Self.block * Self.block
            entries += 1
            guard entries <= limits.maxEntries else {
                throw failure("it holds more than \(limits.maxEntries) entries")
            }
            switch type {
            case UInt8(ascii: "L"):
                pendingName = String(decoding: content.prefix { $0 != 0 }, as: UTF8.self)
                continue
            case UInt8(ascii: "x"):
                if let path = Self.paxPath(content) { pendingName = path }
                continue
            case UInt8(ascii: "g"), UInt8(ascii: "K"):
                continue
            default:
                break
            }
            let rawName = pendingName ?? headerName(at: headerOffset)
            pendingName = nil
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                let path = try EntryName.checkedFile(rawName, archive: name)
                guard files[path] == nil else { throw failure("the entry \"\(path)\" appears twice") }
                total += size
                guard total <= limits.maxTotalBytes else {
                    throw failure("its files hold more than \(limits.totalDescription)")
                }
                files[path] = Data(content)
            case UInt8(ascii: "5"):
                _ = try EntryName.checked(rawName, archive: name, isFolder: true)
            case UInt8(ascii: "1"), UInt8(ascii: "2"):
                throw failure("the entry \"\(rawName)\" is a link; links are refused")
            default:
                throw failure(
                    "the entry \"\(rawName)\" is not a regular file or folder (type '\(Character(Unicode.Scalar(type)))')"
                )
            }
        }
        return files
    }

    // MARK: - Header fields

    private func headerName(at offset: Int) -> String {
        let name = field(at: offset, length: 100)
        let prefix = field(at: offset + 345, length: 155)
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    private func field(at offset: Int, length: Int) -> String {
        String(decoding: bytes[offset..<(offset + length)].prefix { $0 != 0 }, as: UTF8.self)
    }

    private func octal(at offset: Int, length: Int) throws(ImportFailure) -> Int {
        if bytes[offset] & 0x80 != 0 { throw failure("an entry is too large (base-256 size)") }
        var value = 0
        for byte in bytes[offset..<(offset + length)] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                value = value * 8 + Int(byte - UInt8(ascii: "0"))
                guard value <= Int(Int32.max) * 16 else { throw failure("an entry size is out of range") }
            case 0, UInt8(ascii: " "):
                if value > 0 { return value }
            default:
                throw failure("a header at byte \(offset) has a damaged size field")
            }
        }
        return value
    }

    private func checksumMatches(at offset: Int) -> Bool {
        guard let stored = try? octal(at: offset + 148, length: 8) else { return false }
        var sum = 0
        for index in 0..<Self.block {
            sum += (148..<156).contains(index) ? 32 : Int(bytes[offset + index])
        }
        return sum == stored
    }

    /// The `path` record of a pax extended header (`"<length> path=<value>\n"` records).
    private static func paxPath(_ content: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: content, as: UTF8.self)
        for record in text.split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let pair = record[record.index(after: space)...]
            if pair.hasPrefix("path=") { return String(pair.dropFirst(5)) }
        }
        return nil
    }

    private func failure(_ reason: String) -> ImportFailure {
        ImportFailure("\(name): \(reason); nothing was imported")
    }
}
