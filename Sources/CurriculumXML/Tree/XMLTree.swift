/// A parsed document held in a few flat arrays instead of one allocation per node.
///
/// The hardened parser builds this as libxml2's events arrive: elements, attributes and child lists are records
/// in arrays, all text and attribute values share one byte buffer, and each distinct name is stored once. Reading
/// goes through ``XMLNode`` views, which make strings only for what is asked for. A tree is immutable once built
/// and can cross threads; ``XMLNode/detached`` turns any part of it into an ``XMLElement`` value tree.
public final class XMLTree: Sendable {
    /// A span of ``bytes``.
    @usableFromInline
    struct ByteSpan: Sendable {
        @usableFromInline var start: Int32
        @usableFromInline var count: Int32

        @usableFromInline
        init(start: Int32, count: Int32) {
            self.start = start
            self.count = count
        }
    }

    @usableFromInline
    struct ElementRecord: Sendable {
        /// Index into ``names``.
        @usableFromInline var name: Int32
        /// Index into ``names``, or -1 for no namespace.
        @usableFromInline var namespace: Int32
        @usableFromInline var firstAttribute: Int32
        @usableFromInline var attributeCount: Int32
        /// Where this element's children start in ``children``.
        @usableFromInline var firstChild: Int32
        @usableFromInline var childCount: Int32
        @usableFromInline var line: Int32
        @usableFromInline var column: Int32
    }

    @usableFromInline
    struct AttributeRecord: Sendable {
        @usableFromInline var name: Int32
        @usableFromInline var namespace: Int32
        @usableFromInline var value: ByteSpan
    }

    @usableFromInline let elements: [ElementRecord]
    @usableFromInline let attributes: [AttributeRecord]
    /// Every element's children, each list contiguous: an element index, or `~i` for text span `i`.
    @usableFromInline let children: [Int32]
    @usableFromInline let texts: [ByteSpan]
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let names: [String]

    init(
        elements: [ElementRecord], attributes: [AttributeRecord], children: [Int32], texts: [ByteSpan],
        bytes: [UInt8], names: [String]
    ) {
        self.elements = elements
        self.attributes = attributes
        self.children = children
        self.texts = texts
        self.bytes = bytes
        self.names = names
    }

    /// The document element. Elements are numbered in document order, so it is the first.
    public var root: XMLNode { XMLNode(tree: self, index: 0) }

    @inlinable
    func string(_ span: ByteSpan) -> String {
        bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)]),
                as: UTF8.self)
        }
    }
}
