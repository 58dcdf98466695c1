/// What a hardened parse produced: the tree when the bytes were acceptable XML, and every problem found.
///
/// A document that is well-formed but does not match the schema still has a ``root``, so that later stages can
/// report more than the first schema error; a document the parser refused has none.
public struct XMLParseOutcome: Sendable {
    /// The document element, or `nil` when the input was refused.
    public var root: XMLElement?
    /// Problems in document order.
    public var problems: [XMLProblem]

    /// Creates an outcome.
    public init(root: XMLElement?, problems: [XMLProblem]) {
        self.root = root
        self.problems = problems
    }

    /// Whether the input was refused outright (no tree).
    public var isRefused: Bool { root == nil }
}
