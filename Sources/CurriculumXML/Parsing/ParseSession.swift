internal import CLibXML2
import Synchronization

/// The state of one parse, reachable from libxml2's callbacks through the parser context's `_private` pointer.
///
/// One session per parse and per thread; it is never shared, so it needs no locking.
final class ParseSession {
    let limits: XMLParserLimits
    var problems: [XMLProblem] = []
    /// Schema problems, found while the document is read.
    var schemaProblems: [XMLProblem] = []
    /// What changes on every event. It lives behind a pointer because a class's stored properties are checked
    /// for exclusive access at run time on every change, and these change several times per element.
    private let state: UnsafeMutablePointer<EventState>

    /// The state the per-element and per-text callbacks update.
    struct EventState {
        var depth = 0
        var textRun = 0
        var isStopped = false
        /// Whether the last event was an end tag: the schema validator checks an element's content right after
        /// its end tag, so a problem reported then belongs to the element just closed.
        var afterEndTag = false
        /// The last namespace found not to be XInclude's: nearly every element shares one, so it is checked once.
        var checkedNamespace: Int32 = -1
        var tree: TreeBuilder
    }

    init(limits: XMLParserLimits, expectedBytes: Int = 0) {
        self.limits = limits
        state = .allocate(capacity: 1)
        state.initialize(to: EventState(tree: TreeBuilder(limits: limits, expectedBytes: expectedBytes)))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The per-event state, read and changed in place.
    ///
    /// Addressors hand out the state's address and involve no coroutine. `_read`/`_modify` accessors did, and
    /// in unoptimised builds the caller went on reading the accessor's frame after it had been freed
    /// (AddressSanitizer and valgrind both reported it).
    var events: EventState {
        unsafeAddress { UnsafePointer(state) }
        unsafeMutableAddress { state }
    }

    /// The start tag a schema problem reported now belongs to.
    var schemaPosition: XMLPosition {
        events.afterEndTag ? events.tree.lastEnded : (events.tree.currentPosition ?? events.tree.lastEnded)
    }

    func record(_ kind: XMLProblemKind, _ message: String, at position: XMLPosition, code: Int32 = 0) {
        problems.append(XMLProblem(kind: kind, message: message, position: position, libxmlCode: code))
    }

    /// Records a problem found by a callback and switches the parser's events off; ``HardenedXMLParser`` halts
    /// the parse once the callback has returned.
    ///
    /// It must not call `xmlStopParser`: that frees libxml2's input buffer at once, while the event being
    /// delivered still points into it (attribute values, text) and the schema validator, plugged in after the
    /// toolkit's hooks, has yet to read the same event. Turning events off and setting an error number is what
    /// libxml2 itself does after a fatal error: it frees nothing, and the push parser returns at its next step.
    func refuse(_ kind: XMLProblemKind, _ message: String, context: xmlParserCtxtPtr, at position: XMLPosition? = nil) {
        guard !events.isStopped else { return }
        events.isStopped = true
        record(kind, message, at: position ?? currentPosition(context))
        context.pointee.disableSAX = 1
        context.pointee.errNo = Int32(XML_ERR_USER_STOP.rawValue)
    }

    func currentPosition(_ context: xmlParserCtxtPtr) -> XMLPosition {
        guard let input = context.pointee.input else { return .start }
        return XMLPosition(line: Int(max(1, input.pointee.line)), column: Int(max(1, input.pointee.col)))
    }

    /// Calls a function with the session of a parser context without retaining it, for the callbacks that run
    /// once per element or text: the parse that owns the context keeps its session alive throughout.
    static func withSession(
        _ context: UnsafeMutableRawPointer?, _ body: (ParseSession, xmlParserCtxtPtr) -> Void
    ) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parser.pointee._private else { return }
        Unmanaged<ParseSession>.fromOpaque(raw)._withUnsafeGuaranteedRef { body($0, parser) }
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
