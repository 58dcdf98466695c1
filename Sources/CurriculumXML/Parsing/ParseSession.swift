internal import CLibXML2
import Synchronization

/// The state of one parse, reachable from libxml2's callbacks through the parser context's `_private` pointer.
///
/// One session per parse and per thread; it is never shared, so it needs no locking.
final class ParseSession {
    let limits: XMLParserLimits
    var problems: [XMLProblem] = []
    var depth = 0
    var textRun = 0
    var isStopped = false

    init(limits: XMLParserLimits) {
        self.limits = limits
    }

    func record(_ kind: XMLProblemKind, _ message: String, at position: XMLPosition, code: Int32 = 0) {
        problems.append(XMLProblem(kind: kind, message: message, position: position, libxmlCode: code))
    }

    /// Records a problem found by a callback and stops libxml2 at once.
    func refuse(_ kind: XMLProblemKind, _ message: String, context: xmlParserCtxtPtr, at position: XMLPosition? = nil) {
        guard !isStopped else { return }
        isStopped = true
        record(kind, message, at: position ?? currentPosition(context))
        xmlStopParser(context)
    }

    func currentPosition(_ context: xmlParserCtxtPtr) -> XMLPosition {
        guard let input = context.pointee.input else { return .start }
        return XMLPosition(line: Int(max(1, input.pointee.line)), column: Int(max(1, input.pointee.col)))
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> (ParseSession, xmlParserCtxtPtr)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parser.pointee._private else { return nil }
        return (Unmanaged<ParseSession>.fromOpaque(raw).takeUnretainedValue(), parser)
    }
}

/// The parser contexts currently owned by a ``ParseSession``. The external entity loader is process-wide in
/// libxml2 and also sees contexts the toolkit did not create (the schema compiler's), so it trusts `_private`
/// only for contexts listed here.
enum LiveContexts {
    private static let addresses = Mutex<Set<Int>>([])

    static func insert(_ context: xmlParserCtxtPtr) {
        _ = addresses.withLock { $0.insert(Int(bitPattern: context)) }
    }

    static func remove(_ context: xmlParserCtxtPtr) {
        _ = addresses.withLock { $0.remove(Int(bitPattern: context)) }
    }

    static func contains(_ context: xmlParserCtxtPtr) -> Bool {
        addresses.withLock { $0.contains(Int(bitPattern: context)) }
    }
}

/// Start-tag positions kept in each libxml2 node's `_private` field, which libxml2 leaves to applications: the
/// line in the high 32 bits and the column in the low 32 (libxml2 itself keeps no columns).
enum NodePosition {
    static func store(_ position: XMLPosition, in node: xmlNodePtr) {
        let packed =
            UInt(truncatingIfNeeded: min(position.line, Int(UInt32.max))) << 32
            | UInt(truncatingIfNeeded: min(position.column, Int(UInt32.max)))
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: packed)
    }

    static func read(_ node: xmlNodePtr) -> XMLPosition? {
        guard let raw = node.pointee._private else { return nil }
        let packed = UInt(bitPattern: raw)
        return XMLPosition(line: Int(packed >> 32), column: Int(packed & 0xFFFF_FFFF))
    }

    /// The position for any node a message names: an attribute takes its element's.
    static func read(anyNode raw: UnsafeMutableRawPointer) -> XMLPosition? {
        let node = raw.assumingMemoryBound(to: xmlNode.self)
        if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent { return read(parent) }
        return node.pointee.type == XML_ELEMENT_NODE ? read(node) : nil
    }
}
