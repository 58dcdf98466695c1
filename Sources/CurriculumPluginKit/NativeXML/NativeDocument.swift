public import CurriculumModel

/// A curriculum written as one native XML document, with the source locations of its elements: how an importer
/// can answer (protocol 1.3) instead of sending the model as JSON.
///
/// A model read from a course knows where each of its parts came from (a unit's file and line). A document does
/// not; `sources` keeps that knowledge beside it. The writer puts every element on a line of its own, so a line
/// number names one element, and each element written for a located part of the model has an entry.
public struct NativeDocument: Codable, Sendable, Equatable {
    /// The document's text.
    public var text: String
    /// For each line that starts an element written for a located part of the model, that part's location; in
    /// line order.
    public var sources: [DocumentSource]

    public init(text: String, sources: [DocumentSource] = []) {
        self.text = text
        self.sources = sources
    }

    /// The source location of the element starting on a line of the document, when the model gave it one.
    public func source(ofLine line: Int) -> SourceLocation? {
        // The entries are in line order: a binary search finds the line.
        var low = 0
        var high = sources.count
        while low < high {
            let middle = (low + high) / 2
            if sources[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low < sources.count && sources[low].line == line ? sources[low].location : nil
    }
}

/// Where the element starting on one line of a ``NativeDocument`` came from.
public struct DocumentSource: Codable, Sendable, Equatable {
    /// The line of the document, from 1.
    public var line: Int
    /// The location in the source the element was read from.
    public var location: SourceLocation

    public init(line: Int, location: SourceLocation) {
        self.line = line
        self.location = location
    }
}
