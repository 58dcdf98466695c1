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
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
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
}
