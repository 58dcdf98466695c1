internal import CLibXML2

/// Builds an ``XMLTree`` straight from libxml2's SAX events, so no libxml2 tree is ever made and the toolkit's
/// own tree costs a few array appends per node instead of allocations.
///
/// It keeps what libxml2's tree builder would have kept: adjacent character events form one text node, comments
/// and processing instructions end a text node but are not kept, and `&#38;` in an attribute value (how libxml2
/// hands over an escaped ampersand when entities are not substituted) becomes `&`.
struct TreeBuilder {
    let limits: XMLParserLimits
    private var elements: [XMLTree.ElementRecord] = []
    private var attributes: [XMLTree.AttributeRecord] = []
    private var children: [Int32] = []
    private var texts: [XMLTree.ByteSpan] = []
    private var bytes: [UInt8] = []
    private var names: [String] = []
    /// libxml2 interns every element name, attribute name and namespace URI in its parser dictionary, so within
    /// one parse a pointer stands for its string. The pointer of each entry of ``names``, at the same index (`nil`
    /// for the empty name given to an element or attribute libxml2 passes without one).
    private var namePointers: [UnsafePointer<xmlChar>?] = []
    private static let recentSlots = 256
    /// The name last seen at each slot, indexed by address bits.
    private var recent = [(pointer: UnsafePointer<xmlChar>?, index: Int32)](repeating: (nil, 0), count: recentSlots)
    /// The open elements, innermost last.
    private var stack: [Int32] = []
    /// The children of every open element, innermost last; an element's are moved to ``children`` at its end tag.
    private var pending: [Int32] = []
    /// Where each open element's children start in ``pending``.
    private var childStarts: [Int] = []
    /// Where the text being read starts in ``bytes``, or -1 when no text is open.
    private var textStart = -1
    private var nodeCount = 0
    /// The start tag of the element whose end tag was read last.
    private(set) var lastEnded: XMLPosition = .start
    private(set) var finished = false

    init(limits: XMLParserLimits, expectedBytes: Int = 0) {
        self.limits = limits
        // Curricula hold about one element per 130 bytes and one attribute per element, and most of their bytes
        // are text; reserving for twice as many nodes avoids regrowth on ordinary documents.
        let elementGuess = min(expectedBytes / 64, limits.maxNodes)
        elements.reserveCapacity(elementGuess)
        attributes.reserveCapacity(elementGuess)
        children.reserveCapacity(elementGuess * 2)
        texts.reserveCapacity(elementGuess)
        bytes.reserveCapacity(expectedBytes)
    }

    /// The start tag of the innermost open element.
    var currentPosition: XMLPosition? {
        stack.last.map { position(of: elements[Int($0)]) }
    }

    /// The index of an interned libxml2 name in the tree's name list.
    mutating func intern(_ pointer: UnsafePointer<xmlChar>) -> Int32 {
        // A document uses a few dozen names, so a small table indexed by address bits answers nearly every call;
        // the rest, a name's first use or a slot two names share, look through the list of pointers.
        let address = Int(bitPattern: pointer)
        let slot = ((address >> 3) ^ (address >> 11)) & (Self.recentSlots - 1)
        if recent[slot].pointer == pointer { return recent[slot].index }
        let index: Int32
        if let known = namePointers.firstIndex(of: pointer) {
            index = Int32(known)
        } else {
            index = Int32(names.count)
            names.append(String(cString: pointer))
            namePointers.append(pointer)
        }
        recent[slot] = (pointer, index)
        return index
    }

    /// A name the tree has interned.
    func name(_ index: Int32) -> String { names[Int(index)] }

    /// Opens an element. Returns `false` when the document has too many nodes.
    mutating func start(
        localName: UnsafePointer<xmlChar>?, namespace: Int32, attributeCount: Int,
        attributes list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, position: XMLPosition
    ) -> Bool {
        flushText()
        guard count() else { return false }
        let firstAttribute = Int32(attributes.count)
        if let list, attributeCount > 0 {
            for index in 0..<attributeCount {
                // Five pointers per attribute: local name, prefix, namespace URI, value start, value end.
                let base = list + index * 5
                attributes.append(
                    XMLTree.AttributeRecord(
                        name: base[0].map { intern($0) } ?? emptyName(), namespace: base[2].map { intern($0) } ?? -1,
                        value: appendAttributeValue(from: base[3], to: base[4])))
            }
        }
        let index = Int32(elements.count)
        elements.append(
            XMLTree.ElementRecord(
                name: localName.map { intern($0) } ?? emptyName(), namespace: namespace,
                firstAttribute: firstAttribute, attributeCount: Int32(attributes.count) - firstAttribute,
                firstChild: 0, childCount: 0, line: Int32(clamping: position.line),
                column: Int32(clamping: position.column)))
        if !stack.isEmpty { pending.append(index) }
        stack.append(index)
        childStarts.append(pending.count)
        return true
    }

    /// Closes the innermost element.
    mutating func end() {
        flushText()
        guard let element = stack.popLast(), let start = childStarts.popLast() else { return }
        elements[Int(element)].firstChild = Int32(children.count)
        elements[Int(element)].childCount = Int32(pending.count - start)
        children.append(contentsOf: pending[start...])
        pending.removeSubrange(start...)
        lastEnded = position(of: elements[Int(element)])
        if stack.isEmpty { finished = true }
    }

    /// Adds character data to the current text node.
    mutating func characters(_ source: UnsafePointer<xmlChar>, count: Int) {
        guard !stack.isEmpty else { return }
        if textStart < 0 { textStart = bytes.count }
        bytes.append(contentsOf: UnsafeBufferPointer(start: source, count: count))
    }

    /// Ends the current text node (at a comment or processing instruction). Returns `false` when the document
    /// has too many nodes.
    mutating func otherNode() -> Bool {
        flushText()
        return count()
    }

    /// The finished tree, once the document element has been closed.
    func tree() -> XMLTree? {
        guard finished else { return nil }
        return XMLTree(
            elements: elements, attributes: attributes, children: children, texts: texts, bytes: bytes, names: names)
    }

    private mutating func flushText() {
        guard textStart >= 0 else { return }
        defer { textStart = -1 }
        let length = bytes.count - textStart
        guard length > 0, count() else {
            bytes.removeSubrange(textStart...)
            return
        }
        pending.append(~Int32(texts.count))
        texts.append(XMLTree.ByteSpan(start: Int32(textStart), count: Int32(length)))
    }

    private mutating func count() -> Bool {
        nodeCount += 1
        return nodeCount <= limits.maxNodes
    }

    private mutating func emptyName() -> Int32 {
        if let index = namePointers.firstIndex(of: nil) { return Int32(index) }
        names.append("")
        namePointers.append(nil)
        return Int32(names.count - 1)
    }

    private func position(of record: XMLTree.ElementRecord) -> XMLPosition {
        XMLPosition(line: Int(record.line), column: Int(record.column))
    }

    /// Copies an attribute value into the byte buffer. Without entity substitution libxml2 passes every `&` of
    /// a value as `&#38;`, which is decoded here.
    private mutating func appendAttributeValue(
        from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?
    ) -> XMLTree.ByteSpan {
        let spanStart = Int32(bytes.count)
        guard let start, let end, end > start else { return XMLTree.ByteSpan(start: spanStart, count: 0) }
        let value = UnsafeBufferPointer(start: start, count: end - start)
        if !value.contains(UInt8(ascii: "&")) {
            bytes.append(contentsOf: value)
        } else {
            let escape: [UInt8] = Array("&#38;".utf8)
            var index = 0
            while index < value.count {
                if value[index] == UInt8(ascii: "&"), index + 5 <= value.count,
                    value[index..<(index + 5)].elementsEqual(escape)
                {
                    bytes.append(UInt8(ascii: "&"))
                    index += 5
                } else {
                    bytes.append(value[index])
                    index += 1
                }
            }
        }
        return XMLTree.ByteSpan(start: spanStart, count: Int32(bytes.count) - spanStart)
    }
}
