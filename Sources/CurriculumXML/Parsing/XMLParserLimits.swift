/// The limits a hardened parse enforces; anything beyond them is refused with a position.
public struct XMLParserLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The deepest element nesting accepted.
    public var maxDepth: Int
    /// The most element and text nodes accepted in one document.
    public var maxNodes: Int
    /// The longest single text node accepted, in bytes.
    public var maxTextBytes: Int
    /// The most attributes accepted on one element.
    public var maxAttributes: Int
    /// Whether a `<!DOCTYPE>` naming an external DTD (without an internal subset) is accepted. It is never loaded.
    public var allowsExternalDoctype: Bool

    /// Creates limits.
    public init(
        maxFileBytes: Int = 32 * 1024 * 1024,
        maxDepth: Int = 128,
        maxNodes: Int = 4_000_000,
        maxTextBytes: Int = 1024 * 1024,
        maxAttributes: Int = 256,
        allowsExternalDoctype: Bool = false
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxTextBytes = maxTextBytes
        self.maxAttributes = maxAttributes
        self.allowsExternalDoctype = allowsExternalDoctype
    }

    /// Limits for curricula in the native format.
    public static let curriculum = XMLParserLimits()
}
