/// A position in an XML source: 1-based line and 1-based column counted in Unicode code points.
public struct XMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode code points.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of the first character of a document.
    public static let start = XMLPosition(line: 1, column: 1)

    public static func < (lhs: XMLPosition, rhs: XMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
