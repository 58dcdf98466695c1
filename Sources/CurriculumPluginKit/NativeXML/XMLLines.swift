import CurriculumModel
import Foundation

/// An indented XML document built line by line: two spaces per level, attributes in the order given, absent
/// values left out, so the same model always gives the same bytes. Every line ends with a line feed.
///
/// Lines are written straight into one UTF-8 buffer, escaped as they go: an imported course has hundreds of
/// thousands of lines, and building a string for each one cost more than the rest of the writing.
struct XMLLines {
    /// Attribute names with optional values; `nil` values are not written.
    typealias Attributes = KeyValuePairs<String, String?>

    /// The document so far.
    private(set) var bytes: [UInt8] = []
    /// The source locations of the elements written so far, by the line each starts on.
    private(set) var sources: [DocumentSource] = []
    /// How many lines are complete.
    private var lineCount = 0
    private var depth = 0

    var document: String { String(decoding: bytes, as: UTF8.self) }

    /// Notes that the element written next, on the next line, stands for a part of the model read from
    /// `location`.
    mutating func source(_ location: SourceLocation?) {
        if let location { sources.append(DocumentSource(line: lineCount + 1, location: location)) }
    }

    /// The document's lines, without their line feeds.
    var lines: [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Opens an element on a line of its own; `more` are attributes written after `attributes`.
    mutating func open(_ name: String, _ attributes: Attributes = [:], _ more: Attributes = [:]) {
        start(name, attributes, more)
        bytes.append(contentsOf: ">\n".utf8)
        lineCount += 1
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: ">\n".utf8)
        lineCount += 1
    }

    mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
        start(name, attributes)
        bytes.append(contentsOf: "/>\n".utf8)
        lineCount += 1
    }

    /// An element on one line whose content `write` appends: escaped text and inline elements.
    mutating func line(
        _ name: String, _ attributes: Attributes = [:], _ more: Attributes = [:],
        content write: (inout XMLLines) -> Void
    ) {
        start(name, attributes, more)
        bytes.append(UInt8(ascii: ">"))
        write(&self)
        end(name)
    }

    /// An element holding plain text.
    mutating func text(_ name: String, _ value: String, _ attributes: Attributes = [:]) {
        line(name, attributes) { $0.escaped(value) }
    }

    /// A line written as is at the current indentation (the XML declaration).
    mutating func raw(_ line: String) {
        indent()
        bytes.append(contentsOf: line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lineCount += 1
    }

    /// Text inside the current line, escaped. Text content keeps its line feeds, which the line count follows.
    mutating func escaped(_ text: String) {
        let start = bytes.count
        MarkupEscaping.appendText(text, to: &bytes)
        bytes.withUnsafeBufferPointer { written in
            guard let base = written.baseAddress else { return }
            var position = start
            while position < written.count,
                let found = memchr(base + position, 0x0A, written.count - position)
            {
                lineCount += 1
                position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
            }
        }
    }

    /// Markup inside the current line, written as is.
    mutating func markup(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// An attribute inside a start tag being written inline (`<link href="…">`), its value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "=\"".utf8)
        MarkupEscaping.appendAttribute(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: - Tags

    private mutating func start(_ name: String, _ attributes: Attributes, _ more: Attributes = [:]) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (name, value) in attributes { if let value { attribute(name, value) } }
        for (name, value) in more { if let value { attribute(name, value) } }
    }

    private mutating func end(_ name: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: ">\n".utf8)
        lineCount += 1
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: "  ".utf8) }
    }
}
