import CurriculumPluginKit
import Foundation

/// A file name exactly as the file system holds it: bytes, which need not be UTF-8.
///
/// Swift strings made from such a name replace the bad bytes, and the replaced name then names no file; names
/// are therefore checked as bytes and shown with each bad byte escaped.
struct FileNameBytes: Sendable, Equatable {
    let bytes: [UInt8]

    /// The name of a directory entry.
    init(_ entry: UnsafePointer<dirent>) {
        bytes = DirectoryEntryName.bytes(of: entry)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The name as a string, or `nil` when it is not valid UTF-8.
    var string: String? { String(validating: bytes, as: UTF8.self) }

    /// Whether the name ends in `.xml`, in any case.
    var hasXMLExtension: Bool {
        bytes.count > 4 && bytes.suffix(4).elementsEqual(".xml".utf8) { $0 | 0x20 == $1 }
    }

    /// The name for messages: valid UTF-8 as it is, every other byte and every control character as `\xHH`.
    var escaped: String {
        var result = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length =
                switch lead {
                case 0x20..<0x7F: 1
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 0
                }
            if length > 0, index + length <= bytes.count,
                let text = String(validating: bytes[index..<(index + length)], as: UTF8.self),
                !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                result += text
                index += length
            } else {
                result += "\\x" + (lead < 0x10 ? "0" : "") + String(lead, radix: 16, uppercase: true)
                index += 1
            }
        }
        return result
    }
}
