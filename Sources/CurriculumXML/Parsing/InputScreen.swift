import Foundation

/// Cheap checks on the raw bytes before libxml2 sees them: empty input, compressed or archived data, binary data.
///
/// libxml2 would happily gunzip a `.xml` file (225 KB on disk became 93 MB here), so compressed input is refused
/// before parsing rather than detected after.
struct InputScreen {
    let bytes: UnsafeRawBufferPointer

    func firstProblem() -> XMLProblem? {
        if bytes.isEmpty {
            return XMLProblem(
                kind: .notWellFormed, message: "the file is empty; expected an XML document", position: .start)
        }
        if starts(with: [0x1F, 0x8B]) {
            return XMLProblem(
                kind: .notText, message: "the file is gzip-compressed, not XML; decompress it first", position: .start)
        }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return XMLProblem(kind: .notText, message: "the file is a zip archive, not XML", position: .start)
        }
        if starts(with: [0x42, 0x5A, 0x68]) || starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            return XMLProblem(
                kind: .notText, message: "the file is compressed (bzip2 or xz), not XML", position: .start)
        }
        let isUTF16 = starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF])
        if !isUTF16, let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) {
            let nul = UnsafeRawPointer(found) - base
            return XMLProblem(
                kind: .notText, message: "the file contains a NUL byte; it is binary, not XML text",
                position: position(ofByte: nul))
        }
        if !isUTF16, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return XMLProblem(
                kind: .notWellFormed, message: "the file contains only whitespace; expected an XML document",
                position: position(ofByte: bytes.count))
        }
        return nil
    }

    private func starts(with magic: [UInt8]) -> Bool {
        bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
    }

    /// The line and column of a byte offset, columns counted in code points.
    func position(ofByte offset: Int) -> XMLPosition {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return XMLPosition(line: line, column: column)
    }
}
