/// What a parse produced: the document when the bytes were acceptable, and every problem found.
///
/// A document that is well-formed but does not match the schema still has a ``root``, so that later stages can
/// report more than the first schema error; a document the parser refused has none.
public struct XMLParseOutcome: Sendable {
    /// The compact tree the hardened parser builds, or `nil` when the input was refused or came from elsewhere.
    public let tree: XMLTree?
    private let detachedRoot: XMLElement?
    /// Problems in document order.
    public var problems: [XMLProblem]

    /// Creates an outcome holding a compact tree.
    public init(tree: XMLTree?, problems: [XMLProblem]) {
        self.tree = tree
        self.detachedRoot = nil
        self.problems = problems
    }

    /// Creates an outcome holding a value tree.
    public init(root: XMLElement?, problems: [XMLProblem]) {
        self.tree = nil
        self.detachedRoot = root
        self.problems = problems
    }

    /// The document element as a value tree, or `nil` when the input was refused. For a compact tree this copies
    /// the whole document; read ``tree`` instead where speed matters.
    public var root: XMLElement? { detachedRoot ?? tree?.root.detached }

    /// Whether the input was refused outright (no tree).
    public var isRefused: Bool { tree == nil && detachedRoot == nil }
}
