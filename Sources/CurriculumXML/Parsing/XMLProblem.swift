/// Why a document was refused or found invalid. Each kind maps onto one stable rule code in `CurriculumKit`.
public enum XMLProblemKind: String, Sendable, Hashable, CaseIterable {
    /// The bytes are not well-formed XML (syntax, encoding, namespaces).
    case notWellFormed
    /// A DTD internal subset, entity declaration, or a DOCTYPE where none is allowed.
    case forbiddenDeclaration
    /// The document tried to reach another file or the network (external entity, external DTD, XInclude).
    case externalResource
    /// The file is larger than the size limit.
    case tooLarge
    /// The input is compressed, an archive, or binary.
    case notText
    /// Depth, node count, attribute count or text size beyond the parser limits.
    case limitExceeded
    /// The document does not match the XML Schema.
    case schemaViolation
}

/// A problem found while parsing or schema-validating one document.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is.
    public var kind: XMLProblemKind
    /// A one-line message in the parser's words, cleaned up.
    public var message: String
    /// Where it was found.
    public var position: XMLPosition
    /// libxml2's numeric error code, when it came from libxml2 (kept for tests and debugging).
    public var libxmlCode: Int32

    /// Creates a problem.
    public init(kind: XMLProblemKind, message: String, position: XMLPosition, libxmlCode: Int32 = 0) {
        self.kind = kind
        self.message = message
        self.position = position
        self.libxmlCode = libxmlCode
    }

    public var description: String { "\(position): \(kind.rawValue): \(message)" }
}
