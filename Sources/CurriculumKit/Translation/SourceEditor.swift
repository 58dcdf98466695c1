/// Edits the `<t>` children of elements in the bytes of a source file, leaving every other byte as it was.
///
/// Elements are found from the positions the parser recorded (the `<` of the start tag, as line and column in
/// code points); from there a small scanner finds the end of the start tag, the direct `<t>` children and the end
/// tag, skipping comments, CDATA and processing instructions. It is only used on files that parsed.
struct SourceEditor {
    private(set) var bytes: [UInt8]
    private var edits: [(range: Range<Int>, replacement: [UInt8])] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Where an element is, as found by ``locate(line:column:)``.
    struct ElementSpan {
        var start: Int
        /// Where its end tag begins (`</`); `nil` for an empty element written `<x/>`.
        var closeStart: Int?
        /// The direct `<t>` children: language → byte range of the whole element.
        var translations: [String: Range<Int>]
    }

    /// The byte offset of a line and a column counted in code points.
    func offset(line: Int, column: Int) -> Int? {
        var index = 0
        var currentLine = 1
        while currentLine < line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            currentLine += 1
        }
        var remaining = column - 1
        while remaining > 0 && index < bytes.count {
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index < bytes.count ? index : nil
    }

    /// The element whose start tag begins at a position.
    func locate(line: Int, column: Int) -> ElementSpan? {
        guard let start = offset(line: line, column: column), bytes[start] == UInt8(ascii: "<"),
            let (tagEnd, isEmpty) = endOfTag(from: start)
        else { return nil }
        if isEmpty { return ElementSpan(start: start, closeStart: nil, translations: [:]) }
        var translations: [String: Range<Int>] = [:]
        var depth = 0
        var childStart = 0
        var childIsT = false
        var childLanguage: String?
        var index = tagEnd
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if let skipped = skipSpecial(at: open) {
                index = skipped
                continue
            }
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "/") {
                guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                if depth == 0 { return ElementSpan(start: start, closeStart: open, translations: translations) }
                depth -= 1
                if depth == 0, childIsT, let language = childLanguage {
                    translations[language] = childStart..<close + 1
                }
                index = close + 1
                continue
            }
            guard let (end, empty) = endOfTag(from: open) else { return nil }
            if depth == 0 {
                let tag = String(decoding: bytes[open..<end], as: UTF8.self)
                childStart = open
                childIsT = Self.localName(of: tag) == "t"
                childLanguage = Self.language(in: tag)
                if empty, childIsT, let language = childLanguage { translations[language] = open..<end }
            }
            if !empty { depth += 1 }
            index = end
        }
        return nil
    }

    /// Schedules a replacement; edits must not overlap. Applied, from the end, by ``applied()``.
    mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append((range, Array(text.utf8)))
    }

    /// The bytes with every scheduled edit made.
    func applied() -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }

    /// Where to insert a new last child before an end tag, and the text that goes before it: a new line and the
    /// children's indentation when the element spans lines, nothing when it is written on one line.
    func insertionPoint(before closeStart: Int) -> (offset: Int, prefix: String) {
        var index = closeStart
        while index > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index - 1]) { index -= 1 }
        let whitespace = bytes[index..<closeStart]
        guard let newline = whitespace.lastIndex(of: UInt8(ascii: "\n")) else { return (closeStart, "") }
        let indent = String(decoding: bytes[(newline + 1)..<closeStart], as: UTF8.self)
        // The file's own line ending, so a CRLF file stays CRLF.
        let lineEnd = newline > index && bytes[newline - 1] == 0x0D ? "\r\n" : "\n"
        return (index, lineEnd + indent + "  ")
    }

    // MARK: - Scanning

    /// The offset after the `>` of the tag starting at `start`, and whether it was `/>`.
    private func endOfTag(from start: Int) -> (Int, Bool)? {
        var index = start + 1
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (index + 1, bytes[index - 1] == UInt8(ascii: "/"))
            }
            index += 1
        }
        return nil
    }

    /// The offset after a comment, CDATA section or processing instruction starting at `open`, if one does.
    private func skipSpecial(at open: Int) -> Int? {
        func starts(_ text: String) -> Bool { bytes[open...].starts(with: Array(text.utf8)) }
        func after(_ terminator: String) -> Int? {
            let needle = Array(terminator.utf8)
            var index = open + 2
            while index + needle.count <= bytes.count {
                if bytes[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
                index += 1
            }
            return bytes.count
        }
        if starts("<!--") { return after("-->") }
        if starts("<![CDATA[") { return after("]]>") }
        if starts("<?") || starts("<!") { return after(">") }
        return nil
    }

    private static func localName(of tag: String) -> String {
        let name = tag.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        return String(name.split(separator: ":").last ?? "")
    }

    private static func language(in tag: String) -> String? {
        guard let match = tag.firstMatch(of: /xml:lang\s*=\s*["']([^"']*)["']/) else { return nil }
        return String(match.1)
    }
}
