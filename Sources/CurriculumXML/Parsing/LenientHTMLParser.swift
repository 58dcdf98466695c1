internal import CLibXML2

/// Reads HTML as browsers do, for course pages written by other tools: unclosed tags and stray markup are repaired
/// rather than refused.
///
/// HTML has no entity declarations or DTD loading for a document to abuse, and the network is off; the size and
/// tree limits still apply. Positions carry the line of each start tag (the column is always 1).
public struct LenientHTMLParser: Sendable {
    /// The limits applied to the page.
    public var limits: XMLParserLimits

    /// Creates a parser.
    public init(limits: XMLParserLimits = .curriculum) {
        self.limits = limits
    }

    /// Parses a page or a fragment.
    ///
    /// - Returns: The `<html>` element (libxml2 adds `<html>` and `<body>` around a fragment), or the problems
    ///   that stopped the parse.
    public func parse(_ bytes: UnsafeRawBufferPointer, url: String = "page.html") -> XMLParseOutcome {
        if bytes.count > limits.maxFileBytes {
            let problem = XMLProblem(
                kind: .tooLarge, message: "the page is larger than the size limit", position: .start)
            return XMLParseOutcome(root: nil, problems: [problem])
        }
        if bytes.isEmpty { return XMLParseOutcome(root: XMLElement(name: "html"), problems: []) }
        LibXML2Setup.ensure()
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_RECOVER.rawValue)
        let encoding = Self.declaredCharset(bytes) ?? "UTF-8"
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(chars.count), url, encoding, options)
        }
        guard let document else {
            let problem = XMLProblem(kind: .notWellFormed, message: "the page could not be read", position: .start)
            return XMLParseOutcome(root: nil, problems: [problem])
        }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else {
            return XMLParseOutcome(root: XMLElement(name: "html"), problems: [])
        }
        var builder = LibXMLTreeCopier(limits: limits)
        guard let root = builder.build(from: rootNode) else {
            return XMLParseOutcome(root: nil, problems: builder.problems)
        }
        return XMLParseOutcome(root: root, problems: [])
    }

    /// Single-byte charsets a page may declare (`<meta charset="windows-1252">`, `content="…; charset=…"`) that are
    /// read as declared; anything else, or no declaration, is read as UTF-8.
    static let singleByteCharsets: [String: String] = [
        "windows-1252": "WINDOWS-1252", "cp1252": "WINDOWS-1252", "iso-8859-1": "ISO-8859-1",
        "latin1": "ISO-8859-1", "iso-8859-15": "ISO-8859-15", "us-ascii": "UTF-8", "utf-8": "UTF-8",
    ]

    /// The charset the first kilobyte of a page declares, when it is one of ``singleByteCharsets``.
    ///
    /// The bytes are searched as ASCII, case-insensitively: every page of a course passes here, and decoding and
    /// lowercasing a kilobyte of each as a `String` cost more than the parse of a small page.
    static func declaredCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(1024))
        let marker: StaticString = "charset="
        let length = marker.utf8CodeUnitCount
        guard head.count >= length else { return nil }
        var start: Int?
        // The first byte is compared alone first: most positions are not a `c`.
        search: for index in 0...(head.count - length) where asciiLowercased(head[index]) == UInt8(ascii: "c") {
            for offset in 1..<length where asciiLowercased(head[index + offset]) != marker.utf8Start[offset] {
                continue search
            }
            start = index + length
            break
        }
        guard var position = start else { return nil }
        while position < head.endIndex,
            [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: " ")].contains(head[position])
        {
            position += 1
        }
        var value: [UInt8] = []
        while position < head.endIndex {
            let byte = asciiLowercased(head[position])
            let isNameByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            guard isNameByte else { break }
            value.append(byte)
            position += 1
        }
        return singleByteCharsets[String(decoding: value, as: UTF8.self)]
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
