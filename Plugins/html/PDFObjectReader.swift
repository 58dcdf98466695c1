import Foundation

/// Just enough of a PDF reader for ``PDFDestinations``: the cross-reference table, an object's dictionary text, and
/// the page tree's leaves in order.
///
/// Objects are found through the classic `xref` table at `startxref` (never by scanning the file, which could
/// match bytes inside compressed streams). A PDF using cross-reference streams reads as having no objects.
struct PDFObjectReader {
    private let bytes: [UInt8]
    /// Byte offsets by object number.
    private let offsets: [Int: Int]
    private let trailer: String

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var offsets: [Int: Int] = [:]
        var trailer = ""
        if let start = Self.startOfTable(bytes) {
            var lines = Self.lines(bytes, from: start)
            // "xref", then sections: "first count" and count entries "oooooooooo ggggg n".
            if lines.first == "xref" {
                lines.removeFirst()
                var position = 0
                while position < lines.count {
                    let header = lines[position].split(separator: " ")
                    guard header.count == 2, let first = Int(header[0]), let count = Int(header[1]) else { break }
                    for entry in 0..<count where position + 1 + entry < lines.count {
                        let fields = lines[position + 1 + entry].split(separator: " ")
                        if fields.count >= 3, fields[2] == "n", let offset = Int(fields[0]) {
                            offsets[first + entry] = offset
                        }
                    }
                    position += 1 + count
                }
                trailer = lines[min(position, lines.count)...].joined(separator: "\n")
            }
        }
        self.offsets = offsets
        self.trailer = trailer
    }

    /// The object a trailer key (such as `/Root`) refers to.
    func trailerReference(_ key: String) -> Int? {
        Self.reference(after: key, in: trailer)
    }

    /// The text of object `number` up to its stream or `endobj`, at most 64 KiB.
    func object(_ number: Int) -> String? {
        guard let offset = offsets[number], offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + 65_536)
        var text = String(decoding: bytes[offset..<end], as: UTF8.self)
        // A dictionary ends at `endobj`, or at `>> stream` when a stream follows (names may contain "stream").
        for stop in ["endobj", ">> stream", ">>\nstream", ">>\r\nstream"] {
            if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
        }
        return text
    }

    /// The page objects under a page-tree node, in reading order. A node visited twice (a broken, cyclic tree)
    /// is not followed again.
    func leafPages(_ root: Int) -> [Int] {
        var pages: [Int] = []
        var visited: Set<Int> = []
        func walk(_ number: Int) {
            guard visited.insert(number).inserted, let node = object(number) else { return }
            guard let kids = Self.array(after: "/Kids", in: node) else {
                pages.append(number)
                return
            }
            for kid in Self.references(in: kids) { walk(kid) }
        }
        walk(root)
        return pages
    }

    // MARK: - Syntax

    /// The object number of the reference `N 0 R` after `key` (and a delimiter) in a dictionary's text.
    static func reference(after key: String, in text: String) -> Int? {
        var searchStart = text.startIndex
        while let range = text.range(of: key, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            // `/Pages` must not match `/PagesX`: the key ends at a delimiter.
            if let next = text[range.upperBound...].unicodeScalars.first, !isDelimiter(next) { continue }
            return leadingReference(String(text[range.upperBound...].prefix(40)))
        }
        return nil
    }

    /// `N G R` at the start of `text` (after spaces), as N.
    static func leadingReference(_ text: String) -> Int? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).prefix(3)
        guard fields.count == 3, fields[fields.startIndex + 2].hasPrefix("R"),
            Int(fields[fields.startIndex + 1]) != nil
        else { return nil }
        return Int(fields[fields.startIndex])
    }

    /// Whether a character ends a PDF name.
    static func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        " \n\r\t/[]<>()".unicodeScalars.contains(scalar)
    }

    private static func array(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key + " ["), let end = text[range.upperBound...].firstIndex(of: "]") else {
            return nil
        }
        return String(text[range.upperBound..<end])
    }

    private static func references(in text: String) -> [Int] {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        var result: [Int] = []
        var index = 0
        while index + 2 < fields.count {
            if fields[index + 2] == "R", let number = Int(fields[index]) {
                result.append(number)
                index += 3
            } else {
                index += 1
            }
        }
        return result
    }

    private static func startOfTable(_ bytes: [UInt8]) -> Int? {
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        guard let range = tail.range(of: "startxref", options: .backwards) else { return nil }
        let digits = tail[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let offset = Int(digits), offset < bytes.count else { return nil }
        return offset
    }

    /// The lines from `start` up to `%%EOF`, trimmed.
    private static func lines(_ bytes: [UInt8], from start: Int) -> [String] {
        let text = String(decoding: bytes[start...], as: UTF8.self)
        let body = text.range(of: "%%EOF").map { String(text[..<$0.lowerBound]) } ?? text
        return body.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }
}
