import Foundation

/// A short account of where two texts differ, for failure messages about long outputs.
enum TextDifference {
    /// Where two long texts first differ: the line, and a little of each around the first differing character.
    static func first(_ first: String, _ second: String) -> String {
        let firstLines = first.split(separator: "\n", omittingEmptySubsequences: false)
        let secondLines = second.split(separator: "\n", omittingEmptySubsequences: false)
        guard
            let (line, pair) = zip(firstLines, secondLines).enumerated().first(where: {
                $0.element.0 != $0.element.1
            }).map({ ($0.offset, $0.element) })
        else {
            return "in length: \(firstLines.count) and \(secondLines.count) lines"
        }
        let column = zip(pair.0, pair.1).prefix { $0 == $1 }.count
        func around(_ text: Substring) -> String {
            String(text.dropFirst(max(0, column - 60)).prefix(120))
        }
        return "from line \(line + 1), character \(column + 1):\n  first:  …\(around(pair.0))…\n"
            + "  second: …\(around(pair.1))…"
    }
}
