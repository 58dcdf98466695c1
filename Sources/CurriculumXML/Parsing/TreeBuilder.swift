internal import CLibXML2

/// Builds ``XMLElement`` values straight from libxml2's SAX events, so no libxml2 tree is ever made: the parse
/// allocates one tree, the toolkit's own.
///
/// It keeps what libxml2's tree builder would have kept: adjacent character events form one text node, comments
/// and processing instructions end a text node but are not kept, and `&#38;` in an attribute value (how libxml2
/// hands over an escaped ampersand when entities are not substituted) becomes `&`.
struct TreeBuilder {
    let limits: XMLParserLimits
    /// The finished document element.
    private(set) var root: XMLElement?
    /// The position of the start tag of the element whose end tag was read last.
    private(set) var lastEnded: XMLPosition = .start
    /// The open elements, innermost last; their children wait in ``pending`` until their end tags.
    private var stack: [XMLElement] = []
    /// Where each open element's children start in ``pending``.
    private var childStarts: [Int] = []
    private let pending = ContentBuffer()
    private var text = ""
    private var nodeCount = 0
    /// The namespace of the last element read: nearly every element shares one, so its string is made once.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, string: String)?

    init(limits: XMLParserLimits) {
        self.limits = limits
    }

    /// The start tag of the innermost open element.
    var currentPosition: XMLPosition? { stack.last?.position }

    /// The string for a namespace URI. libxml2 hands the same pointer for every element in one namespace, so
    /// the string is made once per run of elements that share it.
    mutating func namespace(_ uri: UnsafePointer<xmlChar>) -> String {
        if let last = lastNamespace, last.pointer == uri { return last.string }
        let string = String(cString: uri)
        lastNamespace = (uri, string)
        return string
    }

    /// Opens an element. Returns `false` when the document has too many nodes.
    mutating func start(
        localName: UnsafePointer<xmlChar>?, namespace: String?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, position: XMLPosition
    ) -> Bool {
        flushText()
        guard count() else { return false }
        var list: [XMLAttribute] = []
        if let attributes, attributeCount > 0 {
            list.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                // Five pointers per attribute: local name, prefix, namespace URI, value start, value end.
                let base = attributes + index * 5
                let uri = base[2]
                list.append(
                    XMLAttribute(
                        name: Self.string(base[0]),
                        namespace: uri.map { String(cString: $0) },
                        value: Self.attributeValue(from: base[3], to: base[4])))
            }
        }
        stack.append(
            XMLElement(
                name: Self.string(localName), namespace: namespace, attributes: list, children: [],
                position: position))
        childStarts.append(pending.count)
        return true
    }

    /// Closes the innermost element.
    mutating func end() {
        flushText()
        guard var finished = stack.popLast(), let start = childStarts.popLast() else { return }
        finished.children = pending.removeAll(from: start)
        lastEnded = finished.position
        if stack.isEmpty {
            root = finished
        } else {
            pending.append(.element(finished))
        }
    }

    /// Adds character data to the current text node.
    mutating func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard !stack.isEmpty else { return }
        // Most text arrives in one event, and appending to an empty string adopts the new one without a copy.
        text += String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Ends the current text node (at a comment or processing instruction). Returns `false` when the document
    /// has too many nodes.
    mutating func otherNode() -> Bool {
        flushText()
        return count()
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        defer { text = "" }
        guard !stack.isEmpty, count() else { return }
        pending.append(.text(text))
    }

    private mutating func count() -> Bool {
        nodeCount += 1
        return nodeCount <= limits.maxNodes
    }

    private static func attributeValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        // Without entity substitution libxml2 passes every '&' of a value as "&#38;".
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        let escape = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + 5 <= bytes.count,
                bytes[index..<(index + 5)].elementsEqual(escape)
            {
                decoded.append(UInt8(ascii: "&"))
                index += 5
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// The children of every open element, in one buffer: an element's children are moved out, into an array of
/// exactly their number, when its end tag is read, instead of growing an array per element as they arrive.
private final class ContentBuffer {
    private var base = UnsafeMutablePointer<XMLContent>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ content: XMLContent) {
        if count == capacity {
            let larger = UnsafeMutablePointer<XMLContent>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: content)
        count += 1
    }

    /// Moves out everything from an index on.
    func removeAll(from start: Int) -> [XMLContent] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let result = [XMLContent](unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: moved)
            initialized = moved
        }
        count = start
        return result
    }
}
