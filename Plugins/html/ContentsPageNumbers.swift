import Foundation

/// The page numbers of a printed contents list (`<nav class="toc">`), filled in over two prints.
///
/// Chromium has no CSS `target-counter()`, so the numbers cannot come from the style sheet. Instead every entry
/// gets a box of fixed width floated to the right of its line: empty in the first print, holding the page number
/// in the second. Because the box is as wide in both prints, the layout, and so every page break, is the same, and
/// the numbers read from the first print (``PDFDestinations``) are true of the second.
enum ContentsPageNumbers {
    /// The box's style: wide enough for three digits, so a guide of up to 999 pages keeps its layout. The
    /// columns get a wider gap, so that a number at the end of the first column stays clear of the second
    /// column's list numbers, and the list is kept on one page.
    static let style = """
        <style>.toc-page { float: right; width: 2.6em; margin-left: 0.6em; text-align: right; \
        font-variant-numeric: tabular-nums; } .toc ol { column-gap: 4em; } .toc { break-inside: avoid; }</style>

        """

    private static let box = #"<span class="toc-page" data-target=""#

    /// Whether the page has a contents list to number.
    static func hasContents(_ html: String) -> Bool {
        contentsRange(html) != nil
    }

    /// The page with a box before each in-page link of its contents list, holding the target's page number from
    /// `pages` (empty for a target not in it), and the boxes' style.
    static func numbered(_ html: String, pages: [String: Int]) -> String {
        guard let range = contentsRange(html) else { return html }
        var contents = ""
        var rest = html[range]
        while let link = rest.range(of: ##"<a href="#"##) {
            contents += rest[..<link.lowerBound]
            let afterHash = rest[link.upperBound...]
            guard let quote = afterHash.firstIndex(of: "\"") else {
                rest = rest[link.lowerBound...]
                break
            }
            let target = String(afterHash[..<quote])
            let number = pages[unescaped(target)].map(String.init) ?? ""
            contents += box + target + "\">" + number + "</span>"
            contents += rest[link]
            rest = rest[link.upperBound...]
        }
        contents += rest
        var result = html.replacingCharacters(in: range, with: contents)
        if let head = result.range(of: "</head>") {
            result.replaceSubrange(head.lowerBound..<head.lowerBound, with: style)
        }
        return result
    }

    /// From the contents list's opening `<nav class="toc"` to its `</nav>`.
    private static func contentsRange(_ html: String) -> Range<String.Index>? {
        guard let start = html.range(of: #"<nav class="toc""#),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// An `id` as written in an attribute, with the character references it can hold turned back into characters.
    private static func unescaped(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
