import CurriculumPluginKit
import Foundation

/// A Markdown handout as an HTML fragment, so that platforms show it as a page of the course instead of offering
/// raw Markdown for download.
///
/// Covers the Markdown the handouts use: ATX headings, paragraphs, `-`/`*`/`1.` lists, `>` quotes, pipe tables,
/// `**strong**` and `*emphasis*` (not `_`: handouts use runs of underscores as blanks to fill in). Everything else is shown as text; nothing in the file becomes markup unescaped, so
/// raw HTML in a handout is shown, never run.
enum HandoutPage {
    static func html(fromMarkdown source: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var table: [[String]] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            html += "<p>\(inline(paragraph.joined(separator: " ")))</p>\n"
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            html += "<\(tag)>\n" + current.items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
            list = nil
        }
        func flushTable() {
            guard !table.isEmpty else { return }
            let rows = table.filter { row in !row.allSatisfy { cell in cell.allSatisfy { "-: ".contains($0) } } }
            html += "<table>\n"
            for (index, row) in rows.enumerated() {
                let cell = index == 0 ? "th" : "td"
                html += "<tr>" + row.map { "<\(cell)>\(inline($0))</\(cell)>" }.joined() + "</tr>\n"
            }
            html += "</table>\n"
            table = []
        }
        func flushAll() {
            flushParagraph()
            flushList()
            flushTable()
        }

        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
            if line.isEmpty {
                flushAll()
                continue
            }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let text = line.dropFirst(level).trimmingCharacters(in: CharacterSet(charactersIn: " "))
                if level <= 6, line.dropFirst(level).first == " " {
                    flushAll()
                    // The platform shows the page title; headings inside start one level below it.
                    let tag = "h\(min(level + 1, 6))"
                    html += "<\(tag)>\(inline(text))</\(tag)>\n"
                    continue
                }
            }
            if line.hasPrefix("|") {
                flushParagraph()
                flushList()
                table.append(
                    line.trimmingCharacters(in: CharacterSet(charactersIn: "|")).split(
                        separator: "|", omittingEmptySubsequences: false
                    )
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ")) })
                continue
            }
            if let item = listItem(line) {
                flushParagraph()
                flushTable()
                if list?.ordered != item.ordered { flushList() }
                list = (item.ordered, (list?.items ?? []) + [item.text])
                continue
            }
            if line.hasPrefix(">") {
                flushAll()
                html +=
                    "<blockquote><p>\(inline(line.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: " "))))</p></blockquote>\n"
                continue
            }
            if line == "---" || line == "***" {
                flushAll()
                continue
            }
            if var current = list {
                // A continuation line of the last list item, indented or not (a "lazy" line, as in CommonMark).
                current.items[current.items.count - 1] += " " + line
                list = current
                continue
            }
            flushList()
            flushTable()
            paragraph.append(line)
        }
        flushAll()
        return html
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, String(rest.dropFirst(2)))
    }

    /// Escaped text with `**strong**` and `*emphasis*` marked up.
    static func inline(_ text: String) -> String {
        var output = MarkupEscaping.text(text)
        output = replacePairs(in: output, marker: "**", open: "<strong>", close: "</strong>")
        output = replacePairs(in: output, marker: "*", open: "<em>", close: "</em>")
        return output
    }

    /// Replaces matched pairs of a marker; an unmatched last marker stays as written.
    private static func replacePairs(in text: String, marker: String, open: String, close: String) -> String {
        let parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        var result = parts[0]
        var index = 1
        while index < parts.count {
            if index + 1 < parts.count, !parts[index].isEmpty {
                result += open + parts[index] + close + parts[index + 1]
                index += 2
            } else {
                result += marker + parts[index]
                index += 1
            }
        }
        return result
    }
}
