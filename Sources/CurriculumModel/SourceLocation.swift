/// Where a node of the model came from: a file, a 1-based line and a 1-based column (in Unicode code points).
public struct SourceLocation: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, relative to the curriculum root when known, otherwise as given.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in code points.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    public var description: String { "\(path):\(line):\(column)" }
}
