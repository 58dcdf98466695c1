/// An element of a parsed XML document, detached from libxml2.
///
/// The tree is a plain value: it can cross threads and outlive the parser. Every element keeps the position of
/// its start tag so that later stages can point at it.
public struct XMLElement: Sendable, Equatable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or `nil` for an element in no namespace.
    public var namespace: String?
    /// The attributes in document order.
    public var attributes: [XMLAttribute]
    /// Child elements and text in document order.
    public var children: [XMLContent]
    /// Where the start tag begins.
    public var position: XMLPosition

    /// Creates an element.
    public init(
        name: String,
        namespace: String? = nil,
        attributes: [XMLAttribute] = [],
        children: [XMLContent] = [],
        position: XMLPosition = .start
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.position = position
    }

    /// The value of the attribute with this local name and no namespace (or the XML namespace for `xml:` names).
    public subscript(attribute name: String) -> String? {
        if name.hasPrefix("xml:") {
            let local = name.dropFirst(4)
            return attributes.first { $0.namespace == XMLAttribute.xmlNamespace && $0.name == local }?.value
        }
        return attributes.first { $0.namespace == nil && $0.name == name }?.value
    }

    /// The child elements, skipping text.
    public var elements: [XMLElement] {
        children.compactMap {
            if case .element(let element) = $0 { return element }
            return nil
        }
    }

    /// The child elements with this local name.
    public func elements(named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        for case .element(let element) in children where element.name == name { result.append(element) }
        return result
    }

    /// The first child element with this local name.
    public func element(named name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name {
            return element
        }
        return nil
    }

    /// All text below this element, concatenated in document order.
    public var textContent: String {
        var result = ""
        var stack: [ArraySlice<XMLContent>] = [children[...]]
        while var top = stack.popLast() {
            guard let first = top.popFirst() else { continue }
            stack.append(top)
            switch first {
            case .text(let text): result += text
            case .element(let element): stack.append(element.children[...])
            }
        }
        return result
    }
}

/// An attribute of an ``XMLElement``.
public struct XMLAttribute: Sendable, Equatable {
    /// The namespace of `xml:lang` and `xml:space`.
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or `nil` for an unprefixed attribute.
    public var namespace: String?
    /// The normalised value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }

    /// The name as written with the conventional prefix, for messages: `xml:lang`, `href`.
    public var qualifiedName: String {
        namespace == XMLAttribute.xmlNamespace ? "xml:\(name)" : name
    }
}

/// One child of an element: an element or a run of text.
public enum XMLContent: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}
