internal import CLibXML2
import Foundation

/// libxml2 callbacks that build the toolkit's tree from the parser's events (libxml2 builds no tree of its own):
/// they record start-tag positions, count depth and text, and stop the parse on anything a curriculum must not
/// contain (DTD internal subsets, entity declarations and references, XInclude).
enum SAXHooks {
    static let xincludeNamespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ]

    static func install(on handler: UnsafeMutablePointer<xmlSAXHandler>) {
        handler.pointee.startElementNs = startElement
        handler.pointee.endElementNs = endElement
        handler.pointee.characters = characters
        handler.pointee.ignorableWhitespace = characters
        handler.pointee.cdataBlock = characters
        handler.pointee.comment = { context, _ in SAXHooks.otherNode(context) }
        handler.pointee.processingInstruction = { context, _, _ in SAXHooks.otherNode(context) }
        handler.pointee.reference = { context, _ in
            SAXHooks.forbid(context, "entity references are not allowed")
        }
        handler.pointee.internalSubset = internalSubset
        handler.pointee.externalSubset = { _, _, _, _ in }
        handler.pointee.entityDecl = { context, name, _, _, _, _ in
            SAXHooks.forbid(
                context,
                "entity declaration '\(SAXHooks.string(name))' is not allowed; curricula may not declare entities")
        }
        handler.pointee.elementDecl = { context, _, _, _ in
            SAXHooks.forbid(context, "DTD declarations are not allowed in curriculum files")
        }
        handler.pointee.attributeDecl = { context, _, _, _, _, _, _ in
            SAXHooks.forbid(context, "DTD declarations are not allowed in curriculum files")
        }
        handler.pointee.notationDecl = { context, _, _, _ in
            SAXHooks.forbid(context, "DTD declarations are not allowed in curriculum files")
        }
        handler.pointee.unparsedEntityDecl = { context, name, _, _, _ in
            SAXHooks.forbid(
                context,
                "entity declaration '\(SAXHooks.string(name))' is not allowed; curricula may not declare entities")
        }
        handler.pointee.serror = parserError
    }

    // MARK: - Elements and text

    private static let startElement: startElementNsSAX2Func = {
        context, localName, _, uri, _, _, attributeCount, _, attributes in
        ParseSession.withSession(context) { session, parser in
            startElement(session, parser, localName, uri, Int(attributeCount), attributes)
        }
    }

    private static func startElement(
        _ session: ParseSession, _ parser: xmlParserCtxtPtr, _ localName: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !session.events.isStopped else { return }
        let position = startTagPosition(parser)
        session.events.afterEndTag = false
        if attributeCount > session.limits.maxAttributes {
            session.refuse(
                .limitExceeded,
                "element '\(string(localName))' has \(attributeCount) attributes; the limit is \(session.limits.maxAttributes)",
                context: parser, at: position)
            return
        }
        var namespace: Int32 = -1
        if let uri {
            namespace = session.events.tree.intern(uri)
            if namespace != session.events.checkedNamespace {
                if xincludeNamespaces.contains(session.events.tree.name(namespace)) {
                    session.refuse(
                        .externalResource,
                        "XInclude is not supported; use <include href=\"…\" expect=\"…\"/> to split a curriculum",
                        context: parser, at: position)
                    return
                }
                session.events.checkedNamespace = namespace
            }
        }
        session.events.depth += 1
        session.events.textRun = 0
        if session.events.depth > session.limits.maxDepth {
            session.refuse(
                .limitExceeded, "elements are nested deeper than \(session.limits.maxDepth) levels", context: parser,
                at: position)
            return
        }
        guard
            session.events.tree.start(
                localName: localName, namespace: namespace, attributeCount: attributeCount,
                attributes: attributes, position: position)
        else { return refuseTooManyNodes(session, parser, at: position) }
    }

    private static let endElement: endElementNsSAX2Func = { context, _, _, _ in
        ParseSession.withSession(context) { session, _ in
            guard !session.events.isStopped else { return }
            session.events.depth -= 1
            session.events.textRun = 0
            session.events.tree.end()
            session.events.afterEndTag = true
        }
    }

    private static let characters: charactersSAXFunc = { context, bytes, length in
        ParseSession.withSession(context) { session, parser in
            guard !session.events.isStopped, let bytes else { return }
            session.events.afterEndTag = false
            session.events.textRun += Int(length)
            if session.events.textRun > session.limits.maxTextBytes {
                session.refuse(
                    .limitExceeded, "a text node is longer than \(session.limits.maxTextBytes) bytes", context: parser,
                    at: session.events.tree.currentPosition)
                return
            }
            session.events.tree.characters(bytes, count: Int(length))
        }
    }

    private static func otherNode(_ context: UnsafeMutableRawPointer?) {
        guard let (session, parser) = ParseSession.from(context), !session.events.isStopped else { return }
        session.events.afterEndTag = false
        guard session.events.tree.otherNode() else {
            return refuseTooManyNodes(session, parser, at: session.events.tree.currentPosition)
        }
    }

    private static func refuseTooManyNodes(_ session: ParseSession, _ parser: xmlParserCtxtPtr, at: XMLPosition?) {
        session.refuse(
            .limitExceeded, "the document has more than \(session.limits.maxNodes) nodes", context: parser, at: at)
    }

    // MARK: - Declarations

    private static let internalSubset: internalSubsetSAXFunc = { context, name, externalID, systemID in
        guard let (session, parser) = ParseSession.from(context), !session.events.isStopped else { return }
        let position = doctypePosition(parser)
        // An empty subset (`[]`, as Arbortext writes) declares nothing and is read like no subset at all.
        let hasInternalSubset = nextNonSpaceByte(parser) == UInt8(ascii: "[") && !hasEmptyInternalSubset(parser)
        guard session.limits.allowsExternalDoctype else {
            let message =
                hasInternalSubset
                ? "a DOCTYPE with an internal subset is not allowed (it can declare entities); remove it"
                : "a DOCTYPE declaration is not allowed in curriculum files; remove it"
            session.refuse(.forbiddenDeclaration, message, context: parser, at: position)
            return
        }
        if hasInternalSubset {
            session.refuse(
                .forbiddenDeclaration,
                "a DOCTYPE with an internal subset is not allowed (it can declare entities); remove the [ … ] part",
                context: parser, at: position)
            return
        }
        xmlSAX2InternalSubset(context, name, externalID, systemID)
    }

    private static func forbid(_ context: UnsafeMutableRawPointer?, _ message: String) {
        guard let (session, parser) = ParseSession.from(context) else { return }
        session.refuse(.forbiddenDeclaration, message, context: parser)
    }

    // MARK: - Errors

    static let parserError: xmlStructuredErrorFunc = { userData, error in
        // With schema validation plugged into the event stream the user data is the validator's, so the session
        // is found through the parser context the error names.
        guard let error, let (session, _) = ParseSession.from(error.pointee.ctxt ?? userData) else { return }
        let level = error.pointee.level
        guard level != XML_ERR_WARNING || error.pointee.domain == Int32(XML_FROM_IO.rawValue) else { return }
        if session.events.isStopped && !session.problems.isEmpty { return }
        let message = clean(error.pointee.message)
        let kind: XMLProblemKind =
            if message.contains("Excessive depth") || message.contains("huge text") || error.pointee.code == 2 {
                .limitExceeded
            } else if error.pointee.domain == Int32(XML_FROM_IO.rawValue) {
                .externalResource
            } else {
                .notWellFormed
            }
        let position = XMLPosition(line: Int(max(1, error.pointee.line)), column: Int(max(1, error.pointee.int2)))
        session.record(kind, message, at: position, code: error.pointee.code)
    }

    // MARK: - Helpers

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func clean(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown parser error" }
        var text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The position of the `<` that opened the element whose start tag libxml2 just finished reading.
    ///
    /// libxml2 calls `startElementNs` with its cursor just past the `>`, and records only that line. `<` cannot
    /// occur inside a start tag, so the nearest `<` before the cursor is the tag's first byte.
    private static func startTagPosition(_ parser: xmlParserCtxtPtr) -> XMLPosition {
        guard let input = parser.pointee.input, let base = input.pointee.base, var cursor = input.pointee.cur else {
            return .start
        }
        let end = cursor
        var newlines = 0
        while cursor > base {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "<") { break }
            if cursor.pointee == 0x0A { newlines += 1 }
        }
        let tagStart = cursor
        let line = max(1, Int(input.pointee.line) - newlines)
        if newlines == 0 {
            let width = codePoints(from: tagStart, to: end)
            return XMLPosition(line: line, column: max(1, Int(input.pointee.col) - width))
        }
        var lineStart = tagStart
        while lineStart > base, (lineStart - 1).pointee != 0x0A { lineStart -= 1 }
        return XMLPosition(line: line, column: codePoints(from: lineStart, to: tagStart) + 1)
    }

    /// The position of the `<!DOCTYPE` whose name and identifiers libxml2 just read.
    private static func doctypePosition(_ parser: xmlParserCtxtPtr) -> XMLPosition? {
        guard let input = parser.pointee.input, let base = input.pointee.base, var cursor = input.pointee.cur else {
            return nil
        }
        let end = cursor
        var newlines = 0
        while cursor > base {
            cursor -= 1
            if cursor.pointee == 0x0A { newlines += 1 }
            if cursor.pointee == UInt8(ascii: "<"), cursor + 1 < end, (cursor + 1).pointee == UInt8(ascii: "!") {
                break
            }
        }
        var lineStart = cursor
        while lineStart > base, (lineStart - 1).pointee != 0x0A { lineStart -= 1 }
        return XMLPosition(
            line: max(1, Int(input.pointee.line) - newlines), column: codePoints(from: lineStart, to: cursor) + 1)
    }

    private static func codePoints(from start: UnsafePointer<xmlChar>, to end: UnsafePointer<xmlChar>) -> Int {
        var count = 0
        var pointer = start
        while pointer < end {
            if pointer.pointee & 0xC0 != 0x80 { count += 1 }
            pointer += 1
        }
        return count
    }

    /// Whether the DOCTYPE goes on with `[`, only white space, then `]`.
    private static func hasEmptyInternalSubset(_ parser: xmlParserCtxtPtr) -> Bool {
        guard let input = parser.pointee.input, var cursor = input.pointee.cur, let end = input.pointee.end else {
            return false
        }
        var opened = false
        while cursor < end {
            switch cursor.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
            case UInt8(ascii: "[") where !opened:
                opened = true
                cursor += 1
            case UInt8(ascii: "]"): return opened
            default: return false
            }
        }
        return false
    }

    private static func nextNonSpaceByte(_ parser: xmlParserCtxtPtr) -> UInt8? {
        guard let input = parser.pointee.input, var cursor = input.pointee.cur, let end = input.pointee.end else {
            return nil
        }
        while cursor < end {
            switch cursor.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
            default: return cursor.pointee
            }
        }
        return nil
    }
}
