import CurriculumModel
import CurriculumXML

/// Reads the format's text elements: labels (`<title>Text<t xml:lang="fr">Texte</t></title>`) and rich text
/// (`<p>`, lists, quotes, with `<t>` translations after the blocks).
enum TextReader {
    static func label(_ element: XMLNode?) -> Label? {
        guard let element else { return nil }
        let revision = element[attribute: "rev"].flatMap { Int($0) }
        // Nearly every label is one run of text.
        if element.childCount == 0 { return Label("", revision: revision) }
        if let text = element.soleText { return Label(collapse(text), revision: revision) }
        var translations: [Translation] = []
        var inlines: [Inline] = []
        for child in element.children {
            switch child {
            case .text(let text): inlines.append(.text(text))
            case .element(let inner) where inner.name == "t":
                translations.append(
                    Translation(
                        language: inner[attribute: "xml:lang"] ?? "", text: collapse(inner.textContent),
                        revision: inner[attribute: "rev"].flatMap { Int($0) }))
            case .element:
                if let inline = inline(child) { inlines.append(inline) }
            }
        }
        return Label(collapse(inlines.plainText), translations: translations, revision: revision)
    }

    static func richText(_ element: XMLNode?, file: String) -> RichText? {
        guard let element else { return nil }
        var translations: [BlockTranslation] = []
        for inner in element.elements(named: "t") {
            translations.append(
                BlockTranslation(
                    language: inner[attribute: "xml:lang"] ?? "", blocks: blocks(of: inner),
                    revision: inner[attribute: "rev"].flatMap { Int($0) }))
        }
        return RichText(
            blocks: blocks(of: element), translations: translations,
            audience: element[attribute: "for"].flatMap(Visibility.init(rawValue:)),
            revision: element[attribute: "rev"].flatMap { Int($0) },
            location: SourceLocation(path: file, line: element.position.line, column: element.position.column))
    }

    static func blocks(of element: XMLNode) -> [Block] {
        element.elements.compactMap { child in
            switch child.name {
            case "p": Block(kind: .paragraph, inlines: trimmed(inlines(of: child)))
            case "quote": Block(kind: .quote, inlines: trimmed(inlines(of: child)))
            case "ul": Block(kind: .bullets, items: child.elements(named: "li").map { trimmed(inlines(of: $0)) })
            case "ol": Block(kind: .numbers, items: child.elements(named: "li").map { trimmed(inlines(of: $0)) })
            default: nil
            }
        }
    }

    /// The inline content of an element, whitespace collapsed, without recursion limits beyond the parser's.
    static func inlines(of element: XMLNode) -> [Inline] {
        element.children.compactMap(inline)
    }

    /// One child of inline content; `nil` for whitespace-only text and elements that are not inline markup.
    private static func inline(_ child: XMLNodeContent) -> Inline? {
        switch child {
        case .text(let text):
            let collapsed = collapseKeepingEdges(text)
            return collapsed.isEmpty ? nil : .text(collapsed)
        case .element(let inner):
            let content = inlines(of: inner)
            switch inner.name {
            case "em": return Inline(kind: .emphasis, children: content)
            case "strong": return Inline(kind: .strong, children: content)
            case "link": return Inline(kind: .link, href: inner[attribute: "href"], children: content)
            case "term": return Inline(kind: .term, ref: inner[attribute: "ref"], children: content)
            default: return nil
            }
        }
    }

    /// Collapses runs of XML whitespace to one space and trims.
    static func collapse(_ text: String) -> String {
        collapse(text, keepingEdges: false)
    }

    /// Collapses runs of whitespace to one space; keeps one space at either edge where the text had any, since
    /// it separates this run from the inline element beside it. Whitespace-only text becomes one space.
    private static func collapseKeepingEdges(_ text: String) -> String {
        collapse(text, keepingEdges: true)
    }

    /// One pass over the UTF-8 bytes; XML whitespace is ASCII, so multi-byte characters pass through untouched.
    /// Most text needs no change, and is then returned as it is, without copying.
    private static func collapse(_ text: String, keepingEdges: Bool) -> String {
        var utf8Text = text
        let changed = utf8Text.withUTF8 { utf8 -> String? in
            if utf8.isEmpty { return "" }
            if isAlreadyCollapsed(utf8, keepingEdges: keepingEdges) { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var pendingSpace = false
            for byte in utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace && (!bytes.isEmpty || keepingEdges) { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
            if keepingEdges && (pendingSpace || bytes.isEmpty) { bytes.append(0x20) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return changed ?? text
    }

    /// Whether text has only single spaces between words (and, unless edges are kept, none at either end).
    private static func isAlreadyCollapsed(_ utf8: UnsafeBufferPointer<UInt8>, keepingEdges: Bool) -> Bool {
        var previousWasSpace = !keepingEdges
        for byte in utf8 {
            switch byte {
            case 0x0A, 0x09, 0x0D: return false
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            default: previousWasSpace = false
            }
        }
        return keepingEdges || !previousWasSpace
    }

    /// Drops the spaces at the start of the first run and the end of the last (collapsing left at most one).
    private static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        if let first = result.first, first.kind == .text, let text = first.text, text.utf8.first == 0x20 {
            let stripped = String(text.utf8.dropFirst())!
            if stripped.isEmpty { result.removeFirst() } else { result[0].text = stripped }
        }
        if let last = result.last, last.kind == .text, let text = last.text, text.utf8.last == 0x20 {
            let stripped = String(text.utf8.dropLast())!
            if stripped.isEmpty { result.removeLast() } else { result[result.count - 1].text = stripped }
        }
        return result
    }
}
