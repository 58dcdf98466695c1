internal import CLibXML2
import Foundation

/// Parses untrusted XML with libxml2, refusing everything that can read other files, reach the network or
/// blow up in memory, and returns a detached tree with the position of every element.
///
/// The recipe: screen the raw bytes (empty, compressed, binary), parse from memory with `NONET | NOCDATA |
/// BIG_LINES` and a deny-all external entity loader, stop on any DOCTYPE internal subset or declaration, treat
/// every error (namespace errors included) as fatal, and enforce ``XMLParserLimits`` as the events arrive.
/// Options that weaken this (`NOENT`, `DTDLOAD`, `HUGE`, `RECOVER`, `XINCLUDE`) are never set.
///
/// libxml2 builds no tree: its events build the toolkit's compact ``XMLTree`` directly, and a schema, when given,
/// validates the same events as they pass, so each document is read once.
///
/// A parser is a value and can be used from many threads at once; each call has its own libxml2 context.
public struct HardenedXMLParser: Sendable {
    /// The limits this parser enforces.
    public var limits: XMLParserLimits

    private static let outOfMemory = XMLParseOutcome(
        root: nil, problems: [XMLProblem(kind: .limitExceeded, message: "out of memory", position: .start)])

    /// Creates a parser.
    public init(limits: XMLParserLimits = .curriculum) {
        self.limits = limits
    }

    /// Reads and parses a file.
    ///
    /// - Parameters:
    ///   - path: The file to read. Its size is checked before it is read.
    ///   - schema: A schema to validate the document against, if any.
    /// - Returns: The tree, when the file is acceptable XML, and every problem found.
    /// - Throws: ``XMLFileError`` when the file cannot be read at all (missing, a directory, unreadable).
    public func parse(contentsOf path: String, schema: XMLSchema? = nil) throws(XMLFileError) -> XMLParseOutcome {
        let data = try XMLFileReader(maxBytes: limits.maxFileBytes).read(path)
        guard let data else {
            let message = "the file is larger than the \(limits.maxFileBytes / 1_048_576) MiB limit"
            return XMLParseOutcome(
                root: nil, problems: [XMLProblem(kind: .tooLarge, message: message, position: .start)])
        }
        return data.withUnsafeBytes { parse($0, url: path, schema: schema) }
    }

    /// Parses bytes already in memory.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - url: The name libxml2 should use for the document (only used in its messages).
    ///   - schema: A schema to validate the document against, if any.
    public func parse(
        _ bytes: UnsafeRawBufferPointer, url: String = "document.xml", schema: XMLSchema? = nil
    )
        -> XMLParseOutcome
    {
        if bytes.count > limits.maxFileBytes {
            let problem = XMLProblem(
                kind: .tooLarge, message: "the document is larger than the size limit", position: .start)
            return XMLParseOutcome(root: nil, problems: [problem])
        }
        if let problem = InputScreen(bytes: bytes).firstProblem() {
            return XMLParseOutcome(root: nil, problems: [problem])
        }
        LibXML2Setup.ensure()
        // libxml2 reports bytes that do not convert from the declared encoding without naming the parser, through
        // the thread's error handler, which otherwise prints them on standard error. The parse runs on this
        // thread from start to end, so the handler is this parse's until it returns.
        let unnamed = UnnamedErrors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(unnamed).toOpaque(), UnnamedErrors.handler)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            withExtendedLifetime(unnamed) {}
        }
        // libxml2 detects the encoding from the first four bytes, which a push parser is given when it is made.
        let head = min(4, bytes.count)
        let created = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlCreatePushParserCtxt(nil, nil, chars.baseAddress, Int32(head), url)
        }
        guard let context = created else {
            return Self.outOfMemory
        }
        let session = ParseSession(limits: limits, expectedBytes: bytes.count)
        context.pointee._private = Unmanaged.passUnretained(session).toOpaque()
        SAXHooks.install(on: context.pointee.sax)
        LiveContexts.insert(context)
        let validation = schema.flatMap { StreamingValidation(schema: $0, session: session, parser: context) }
        defer {
            validation?.unplug()
            LiveContexts.remove(context)
            context.pointee._private = nil
            // libxml2 made a document node but, with the toolkit's events in place of its own, nothing inside it.
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            context.pointee.myDoc = nil
            xmlFreeParserCtxt(context)
        }
        // A document is never passed as valid without its schema having seen it.
        if schema != nil && validation == nil {
            return Self.outOfMemory
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        xmlCtxtUseOptions(context, options)
        let parsed = PushFeed(bytes: bytes, from: head).run(context, session: session)

        guard parsed, session.problems.isEmpty, unnamed.firstFailure == nil, context.pointee.wellFormed != 0,
            let tree = session.events.tree.tree()
        else {
            var problems = session.problems
            if let failure = unnamed.firstFailure {
                // The conversion failure is the cause; the syntax error libxml2 reports next has the better position.
                let message = failure
                if let index = problems.firstIndex(where: { $0.kind == .notWellFormed }) {
                    problems[index].message = message
                } else {
                    problems.insert(
                        XMLProblem(kind: .notWellFormed, message: message, position: session.currentPosition(context)),
                        at: 0)
                }
            }
            if problems.isEmpty {
                let message = parsed ? "the document has no root element" : "the document could not be parsed"
                problems.append(
                    XMLProblem(kind: .notWellFormed, message: message, position: session.currentPosition(context)))
            }
            return XMLParseOutcome(tree: nil, problems: Array(problems.prefix(5)))
        }
        return XMLParseOutcome(tree: tree, problems: session.schemaProblems)
    }
}

/// Feeds a document to a push parser in chunks and halts between two chunks once a callback has refused
/// something: libxml2 is only ever stopped outside its callbacks, where no event still points into its input.
private struct PushFeed {
    /// Small enough that little is read after a refusal, large enough that the calls cost nothing.
    static let chunkBytes = 64 * 1024

    let bytes: UnsafeRawBufferPointer
    let from: Int

    init(bytes: UnsafeRawBufferPointer, from: Int) {
        self.bytes = bytes
        self.from = from
    }

    /// Parses to the end or to the first refusal or fatal error; `false` when libxml2 found the bytes not
    /// well-formed.
    func run(_ context: xmlParserCtxtPtr, session: ParseSession) -> Bool {
        var offset = from
        while true {
            let count = min(Self.chunkBytes, bytes.count - offset)
            let isLast = offset + count == bytes.count
            let chunk = bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let status = xmlParseChunk(context, chunk, Int32(count), isLast ? 1 : 0)
            offset += count
            if session.events.isStopped { return true }
            if status != 0 || context.pointee.wellFormed == 0 { return false }
            if isLast { return true }
        }
    }
}

/// Schema validation plugged into the parser's event stream, so documents are validated as they are read
/// instead of in a second pass over a libxml2 tree.
///
/// libxml2 reports no node for problems found this way; each is placed at the start tag of the element being
/// read, or of the element just closed when the problem comes from checking its content at its end tag.
private final class StreamingValidation {
    private let context: xmlSchemaValidCtxtPtr
    private let plug: xmlSchemaSAXPlugPtr
    private let parser: xmlParserCtxtPtr

    init?(schema: XMLSchema, session: ParseSession, parser: xmlParserCtxtPtr) {
        guard let context = xmlSchemaNewValidCtxt(schema.compiled) else { return nil }
        xmlSchemaSetValidStructuredErrors(
            context, Self.handler, Unmanaged.passUnretained(session).toOpaque())
        // The plug swaps the parser's handler and user data for its own and puts them back when unplugged, so it
        // is given the addresses of the parser context's own fields.
        let raw = UnsafeMutableRawPointer(parser)
        let handler = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \.sax)!)
            .assumingMemoryBound(to: UnsafeMutablePointer<xmlSAXHandler>?.self)
        let userData = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \.userData)!)
            .assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        guard let plug = xmlSchemaSAXPlug(context, handler, userData) else {
            xmlSchemaFreeValidCtxt(context)
            return nil
        }
        // The plug's handler forwards events, not structured errors: give it the parser's error hook.
        parser.pointee.sax.pointee.serror = SAXHooks.parserError
        self.context = context
        self.plug = plug
        self.parser = parser
    }

    func unplug() {
        xmlSchemaSAXUnplug(plug)
        xmlSchemaFreeValidCtxt(context)
    }

    private static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, error.pointee.level != XML_ERR_WARNING else { return }
        let session = Unmanaged<ParseSession>.fromOpaque(userData).takeUnretainedValue()
        session.schemaProblems.append(
            XMLProblem(
                kind: .schemaViolation, message: XMLSchema.cleanMessage(error.pointee.message),
                position: session.schemaPosition, libxmlCode: error.pointee.code))
    }
}

/// Receives the errors libxml2 raises without a parser context during one parse: encoding conversion failures.
private final class UnnamedErrors {
    /// The first one, as the message to report; a conversion failure is followed by a vaguer "encoder error".
    private(set) var firstFailure: String?

    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, error.pointee.level != XML_ERR_WARNING else { return }
        let errors = Unmanaged<UnnamedErrors>.fromOpaque(userData).takeUnretainedValue()
        guard errors.firstFailure == nil else { return }
        let detail = SAXHooks.clean(error.pointee.message)
        errors.firstFailure =
            error.pointee.domain == Int32(XML_FROM_I18N.rawValue)
            ? "the bytes do not match the document's encoding: \(detail)" : detail
    }
}

/// Process-wide libxml2 setup, done once: initialise the library and install the deny-all entity loader.
enum LibXML2Setup {
    private static let done: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(denyAllLoader)
        return true
    }()

    static func ensure() {
        _ = done
    }

    /// Refuses every external entity, DTD or schema import, recording the attempt when it came from a parse
    /// the toolkit owns.
    private static let denyAllLoader: xmlExternalEntityLoader = { url, _, context in
        if let context, LiveContexts.contains(context), let raw = context.pointee._private {
            let session = Unmanaged<ParseSession>.fromOpaque(raw).takeUnretainedValue()
            let target = url.map { String(cString: $0) } ?? "(unnamed)"
            session.refuse(
                .externalResource, "the document tries to load the external resource '\(target)'; this is refused",
                context: context)
        }
        return nil
    }
}
