import CurriculumXML
import Foundation

/// The text of an element with whitespace collapsed, for titles, objectives and questions.
enum PlainText {
    /// The element's text, runs of whitespace collapsed to one space and the ends trimmed.
    static func of(_ element: XMLElement) -> String {
        collapse(element.textContent)
    }

    /// Collapses runs of whitespace to one space and trims the ends.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
