/// An element of an ``XMLTree``: a small view that reads the tree's records on demand.
///
/// It offers the reading side of ``XMLElement`` (name, attributes, child elements, text) without copying the
/// subtree. Strings are made when a property is read, so read each value once where it matters.
public struct XMLNode: Sendable {
    /// The tree the element belongs to.
    public let tree: XMLTree
    @usableFromInline let index: Int32

    @usableFromInline
    init(tree: XMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    @inlinable
    var record: XMLTree.ElementRecord { tree.elements[Int(index)] }

    /// The local name, without prefix.
    @inlinable
    public var name: String { tree.names[Int(record.name)] }

    /// The namespace URI, or `nil` for an element in no namespace.
    @inlinable
    public var namespace: String? {
        let namespace = record.namespace
        return namespace < 0 ? nil : tree.names[Int(namespace)]
    }

    /// Where the start tag begins.
    @inlinable
    public var position: XMLPosition {
        let record = record
        return XMLPosition(line: Int(record.line), column: Int(record.column))
    }

    /// The value of the attribute with this local name and no namespace (or the XML namespace for `xml:` names).
    @inlinable
    public subscript(attribute name: String) -> String? {
        let record = record
        guard record.attributeCount > 0 else { return nil }
        let inXMLNamespace = name.utf8.starts(with: "xml:".utf8)
        let local = inXMLNamespace ? String(name.utf8.dropFirst(4))! : name
        let start = Int(record.firstAttribute)
        for attribute in tree.attributes[start..<(start + Int(record.attributeCount))] {
            guard tree.names[Int(attribute.name)] == local else { continue }
            let matches =
                inXMLNamespace
                ? attribute.namespace >= 0 && tree.names[Int(attribute.namespace)] == XMLAttribute.xmlNamespace
                : attribute.namespace < 0
            if matches { return tree.string(attribute.value) }
        }
        return nil
    }

    /// The attributes in document order.
    public var attributes: [XMLAttribute] {
        let record = record
        let start = Int(record.firstAttribute)
        return tree.attributes[start..<(start + Int(record.attributeCount))].map {
            XMLAttribute(
                name: tree.names[Int($0.name)], namespace: $0.namespace < 0 ? nil : tree.names[Int($0.namespace)],
                value: tree.string($0.value))
        }
    }

    /// The number of children, elements and text runs together.
    @inlinable
    public var childCount: Int { Int(record.childCount) }

    /// The element's text when its only child is one run of text.
    @inlinable
    public var soleText: String? {
        let record = record
        guard record.childCount == 1, case let child = tree.children[Int(record.firstChild)], child < 0 else {
            return nil
        }
        return tree.string(tree.texts[Int(~child)])
    }

    /// Child elements and text in document order.
    @inlinable
    public var children: Children { Children(node: self) }

    /// The child elements, skipping text.
    @inlinable
    public var elements: ChildElements { ChildElements(node: self, name: nil) }

    /// The child elements with this local name.
    @inlinable
    public func elements(named name: String) -> ChildElements { ChildElements(node: self, name: name) }

    /// The first child element with this local name.
    @inlinable
    public func element(named name: String) -> XMLNode? {
        var iterator = elements(named: name).makeIterator()
        return iterator.next()
    }

    /// All text below this element, concatenated in document order.
    @inlinable
    public var textContent: String {
        // Most elements asked for their text hold one run of it.
        if let soleText { return soleText }
        var collected: [UInt8] = []
        var stack: [Int32] = [index]
        while let top = stack.popLast() {
            if top < 0 {
                let span = tree.texts[Int(~top)]
                collected.append(contentsOf: tree.bytes[Int(span.start)..<Int(span.start + span.count)])
                continue
            }
            let record = tree.elements[Int(top)]
            let first = Int(record.firstChild)
            stack.append(contentsOf: tree.children[first..<(first + Int(record.childCount))].reversed())
        }
        return String(decoding: collected, as: UTF8.self)
    }

    /// This element and everything below it as an ``XMLElement`` value tree.
    ///
    /// The walk keeps its own stack, as every walk over untrusted input does, so nesting depth is bounded by the
    /// parser's limits rather than by the thread's stack.
    public var detached: XMLElement {
        var open: [(element: Int32, cursor: Int, end: Int)] = []
        var contents: [[XMLContent]] = []
        func push(_ element: Int32) {
            let record = tree.elements[Int(element)]
            open.append((element, Int(record.firstChild), Int(record.firstChild + record.childCount)))
            contents.append([])
        }
        push(index)
        while true {
            let top = open.count - 1
            if open[top].cursor < open[top].end {
                let child = tree.children[open[top].cursor]
                open[top].cursor += 1
                if child >= 0 {
                    push(child)
                } else {
                    contents[top].append(.text(tree.string(tree.texts[Int(~child)])))
                }
                continue
            }
            let node = XMLNode(tree: tree, index: open.removeLast().element)
            let element = XMLElement(
                name: node.name, namespace: node.namespace, attributes: node.attributes,
                children: contents.removeLast(), position: node.position)
            if contents.isEmpty { return element }
            contents[contents.count - 1].append(.element(element))
        }
    }
}

/// One child of an ``XMLNode``: an element or a run of text.
public enum XMLNodeContent: Sendable {
    case element(XMLNode)
    case text(XMLText)
}

/// A run of text in an ``XMLTree``, read as a string or, without making one, as its UTF-8 bytes.
public struct XMLText: Sendable {
    @usableFromInline let tree: XMLTree
    @usableFromInline let span: XMLTree.ByteSpan

    @usableFromInline
    init(tree: XMLTree, span: XMLTree.ByteSpan) {
        self.tree = tree
        self.span = span
    }

    /// The text.
    @inlinable
    public var string: String { tree.string(span) }

    /// Calls a function with the text's UTF-8 bytes, which are valid only inside it.
    @inlinable
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try tree.bytes.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)]))
        }
    }
}

extension XMLNode {
    /// The children of an element, in document order.
    public struct Children: Sequence, Sendable {
        @usableFromInline let node: XMLNode

        @usableFromInline
        init(node: XMLNode) { self.node = node }

        @inlinable
        public func makeIterator() -> Iterator {
            let record = node.record
            let first = Int(record.firstChild)
            return Iterator(tree: node.tree, cursor: first, end: first + Int(record.childCount))
        }

        public struct Iterator: IteratorProtocol {
            @usableFromInline let tree: XMLTree
            @usableFromInline var cursor: Int
            @usableFromInline let end: Int

            @usableFromInline
            init(tree: XMLTree, cursor: Int, end: Int) {
                self.tree = tree
                self.cursor = cursor
                self.end = end
            }

            @inlinable
            public mutating func next() -> XMLNodeContent? {
                guard cursor < end else { return nil }
                let child = tree.children[cursor]
                cursor += 1
                return child >= 0
                    ? .element(XMLNode(tree: tree, index: child))
                    : .text(XMLText(tree: tree, span: tree.texts[Int(~child)]))
            }
        }
    }

    /// The child elements of an element, all or those with one name, in document order.
    public struct ChildElements: Sequence, Sendable {
        @usableFromInline let node: XMLNode
        @usableFromInline let name: String?

        @usableFromInline
        init(node: XMLNode, name: String?) {
            self.node = node
            self.name = name
        }

        @inlinable
        public func makeIterator() -> Iterator {
            let record = node.record
            let first = Int(record.firstChild)
            return Iterator(tree: node.tree, name: name, cursor: first, end: first + Int(record.childCount))
        }

        public struct Iterator: IteratorProtocol {
            @usableFromInline let tree: XMLTree
            @usableFromInline let name: String?
            @usableFromInline var cursor: Int
            @usableFromInline let end: Int

            @usableFromInline
            init(tree: XMLTree, name: String?, cursor: Int, end: Int) {
                self.tree = tree
                self.name = name
                self.cursor = cursor
                self.end = end
            }

            @inlinable
            public mutating func next() -> XMLNode? {
                while cursor < end {
                    let child = tree.children[cursor]
                    cursor += 1
                    guard child >= 0 else { continue }
                    if let name, tree.names[Int(tree.elements[Int(child)].name)] != name { continue }
                    return XMLNode(tree: tree, index: child)
                }
                return nil
            }
        }
    }
}
