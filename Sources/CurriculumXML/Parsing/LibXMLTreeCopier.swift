internal import CLibXML2

/// Copies a libxml2 tree into ``XMLElement`` values without recursion, enforcing depth, node and text limits.
///
/// Used for HTML, which libxml2's HTML parser reads into its own tree; XML is built from events by
/// ``TreeBuilder`` instead.
struct LibXMLTreeCopier {
    let limits: XMLParserLimits
    /// The namespace of the last element read: nearly every element shares one, so its string is made once.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, string: String)?
    private(set) var problems: [XMLProblem] = []
    private var nodeCount = 0

    init(limits: XMLParserLimits) {
        self.limits = limits
    }

    private struct Frame {
        var element: XMLElement
        var cursor: xmlNodePtr?
    }

    mutating func build(from root: xmlNodePtr) -> XMLElement? {
        var stack = [Frame(element: makeElement(root), cursor: root.pointee.children)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let node = stack[top].cursor else {
                let finished = stack.removeLast().element
                if stack.isEmpty { return finished }
                stack[stack.count - 1].element.children.append(.element(finished))
                continue
            }
            stack[top].cursor = node.pointee.next
            nodeCount += 1
            if nodeCount > limits.maxNodes {
                fail(.limitExceeded, "the document has more than \(limits.maxNodes) nodes", near: node, in: stack)
                return nil
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if stack.count >= limits.maxDepth {
                    fail(
                        .limitExceeded, "elements are nested deeper than \(limits.maxDepth) levels", near: node,
                        in: stack)
                    return nil
                }
                stack.append(Frame(element: makeElement(node), cursor: node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = Self.string(node.pointee.content)
                if text.utf8.count > limits.maxTextBytes {
                    fail(
                        .limitExceeded, "a text node is longer than \(limits.maxTextBytes) bytes", near: node, in: stack
                    )
                    return nil
                }
                stack[top].element.children.append(.text(text))
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL:
                fail(.forbiddenDeclaration, "entity references are not allowed", near: node, in: stack)
                return nil
            default:
                continue
            }
        }
        return nil
    }

    private mutating func makeElement(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes.append(
                XMLAttribute(
                    name: Self.string(current.pointee.name),
                    namespace: current.pointee.ns.map { Self.string($0.pointee.href) },
                    value: Self.attributeValue(current)))
            attribute = current.pointee.next
        }
        return XMLElement(
            name: Self.string(node.pointee.name),
            namespace: node.pointee.ns.map { namespace($0) },
            attributes: attributes,
            children: [],
            position: XMLPosition(line: max(1, Int(xmlGetLineNo(node))), column: 1))
    }

    private mutating func namespace(_ ns: xmlNsPtr) -> String {
        guard let href = ns.pointee.href else { return "" }
        if let last = lastNamespace, last.pointer == href { return last.string }
        let string = Self.string(href)
        lastNamespace = (href, string)
        return string
    }

    private mutating func fail(_ kind: XMLProblemKind, _ message: String, near node: xmlNodePtr, in stack: [Frame]) {
        let position =
            stack.last?.element.position ?? XMLPosition(line: max(1, Int(xmlGetLineNo(node))), column: 1)
        problems.append(XMLProblem(kind: kind, message: message, position: position))
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
            return string(text.pointee.content)
        }
        guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { ck_xml_free(value) }
        return string(value)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }
}
