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
    static func declaredCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return singleByteCharsets[String(value)]
    }
}
