import CurriculumModel
import CurriculumXML

/// Reads the format's text elements: labels (`<title>Text<t xml:lang="fr">Texte</t></title>`) and rich text
/// (`<p>`, lists, quotes, with `<t>` translations after the blocks).
///
/// Whitespace is collapsed as the text is read from the tree's bytes, so each run of text becomes one string,
/// made once, already in its final form.
enum TextReader {
    static func label(_ element: XMLNode?) -> Label? {
        guard let element else { return nil }
        let revision = element[attribute: "rev"].flatMap { Int($0) }
        // Nearly every label is one run of text, perhaps followed by translations.
        var text: XMLText? = nil
        var translations: [Translation] = []
        for child in element.children {
            switch child {
            case .element(let inner) where inner.name == "t": translations.append(translation(inner))
            case .text(let run) where text == nil: text = run
            default: return mixedLabel(element, revision: revision)
            }
        }
        return Label(text.map { collapse($0) } ?? "", translations: translations, revision: revision)
    }

    /// A label whose text mixes runs and inline markup: its plain text, collapsed.
    private static func mixedLabel(_ element: XMLNode, revision: Int?) -> Label {
        var translations: [Translation] = []
        var inlines: [Inline] = []
        for child in element.children {
            switch child {
            case .text(let text): inlines.append(.text(text.string))
            case .element(let inner) where inner.name == "t": translations.append(translation(inner))
            case .element: if let inline = inline(child) { inlines.append(inline) }
            }
        }
        return Label(collapse(inlines.plainText), translations: translations, revision: revision)
    }

    private static func translation(_ element: XMLNode) -> Translation {
        Translation(
            language: element[attribute: "xml:lang"] ?? "", text: collapsedText(of: element),
            revision: element[attribute: "rev"].flatMap { Int($0) })
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
        var blocks: [Block] = []
        blocks.reserveCapacity(element.childCount)
        for child in element.elements {
            switch child.name {
            case "p": blocks.append(Block(kind: .paragraph, inlines: blockInlines(of: child)))
            case "quote": blocks.append(Block(kind: .quote, inlines: blockInlines(of: child)))
            case "ul": blocks.append(Block(kind: .bullets, items: child.elements(named: "li").map(blockInlines)))
            case "ol": blocks.append(Block(kind: .numbers, items: child.elements(named: "li").map(blockInlines)))
            default: continue
            }
        }
        return blocks
    }

    /// The inline content of a block (a paragraph, quote or list item): whitespace collapsed, and the space at
    /// the start of the first run and at the end of the last dropped.
    ///
    /// Each edge is trimmed once, on the first or last inline, and only when that inline is text. A text child
    /// is trimmed as it is read when it is the first inline or the last child; the rare block that ends in
    /// markup the format does not know is trimmed afterwards.
    private static func blockInlines(of element: XMLNode) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(element.childCount)
        var leadingTrimmed = false
        var trailingTrimmed = false
        var remaining = element.childCount
        for child in element.children {
            remaining -= 1
            switch child {
            case .text(let run):
                let isLast = remaining == 0
                let text = collapse(run, keepLeading: leadingTrimmed, keepTrailing: !isLast)
                leadingTrimmed = true
                trailingTrimmed = isLast
                if !text.isEmpty { result.append(.text(text)) }
            case .element:
                guard let inline = inline(child) else { continue }
                leadingTrimmed = true
                result.append(inline)
            }
        }
        if !trailingTrimmed, let last = result.last, last.kind == .text, let text = last.text, text.utf8.last == 0x20 {
            let stripped = String(text.utf8.dropLast())!
            if stripped.isEmpty { result.removeLast() } else { result[result.count - 1].text = stripped }
        }
        return result
    }

    /// The inline content of an element inside a block, whitespace collapsed and edges kept.
    static func inlines(of element: XMLNode) -> [Inline] {
        element.children.compactMap(inline)
    }

    /// One child of inline content; `nil` for elements that are not inline markup.
    private static func inline(_ child: XMLNodeContent) -> Inline? {
        switch child {
        case .text(let run):
            return .text(collapse(run, keepLeading: true, keepTrailing: true))
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

    /// All text below an element, collapsed and trimmed.
    static func collapsedText(of element: XMLNode) -> String {
        if element.childCount == 1, case .text(let run)? = element.children.first(where: { _ in true }) {
            return collapse(run)
        }
        return collapse(element.textContent)
    }

    /// Collapses runs of XML whitespace to one space and trims.
    static func collapse(_ text: String) -> String {
        var utf8Text = text
        return utf8Text.withUTF8 { utf8 in
            isCollapsed(utf8, keepLeading: false, keepTrailing: false)
                ? nil : collapse(utf8, keepLeading: false, keepTrailing: false)
        } ?? text
    }

    private static func collapse(_ run: XMLText, keepLeading: Bool = false, keepTrailing: Bool = false) -> String {
        run.withUTF8 { utf8 in
            isCollapsed(utf8, keepLeading: keepLeading, keepTrailing: keepTrailing)
                ? String(decoding: utf8, as: UTF8.self)
                : collapse(utf8, keepLeading: keepLeading, keepTrailing: keepTrailing)
        }
    }

    /// One pass over the UTF-8 bytes; XML whitespace is ASCII, so multi-byte characters pass through untouched.
    ///
    /// Whitespace at an edge becomes one space where that edge is kept, since it separates this run from the
    /// inline element beside it; whitespace-only text becomes one space when both edges are kept.
    private static func collapse(_ utf8: UnsafeBufferPointer<UInt8>, keepLeading: Bool, keepTrailing: Bool) -> String {
        String(unsafeUninitializedCapacity: max(utf8.count, 1)) { output in
            var count = 0
            var pendingSpace = false
            var sawContent = false
            for byte in utf8 {
                if isWhitespace(byte) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && (sawContent || keepLeading) {
                    output[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                sawContent = true
                output[count] = byte
                count += 1
            }
            if sawContent ? (pendingSpace && keepTrailing) : (keepLeading && keepTrailing) {
                output[count] = 0x20
                count += 1
            }
            return count
        }
    }

    /// Whether text is already in the form ``collapse(_:keepLeading:keepTrailing:)`` would give it: no tab,
    /// newline or carriage return, no two spaces in a row, and a space at an edge only where that edge is kept.
    private static func isCollapsed(_ utf8: UnsafeBufferPointer<UInt8>, keepLeading: Bool, keepTrailing: Bool) -> Bool {
        guard let base = utf8.baseAddress, let first = utf8.first, let last = utf8.last else { return true }
        if first == 0x20 && !keepLeading || last == 0x20 && !keepTrailing { return false }
        // Eight bytes at a time; no step below borrows or carries from one byte into the next.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits = ones &* 0x80
        let lowBits = ones &* 0x7F
        var index = 0
        var previousWasSpace = false
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20: tab, newline or carriage return.
            if (word &- ones &* 0x20) & ~word & highBits != 0 { return false }
            // The high bit of each byte that is a space.
            let flipped = word ^ (ones &* 0x20)
            let spaces = ~(((flipped & lowBits) &+ lowBits) | flipped | lowBits)
            if spaces & (spaces << 8) != 0 || previousWasSpace && spaces & 0x80 != 0 { return false }
            previousWasSpace = spaces >> 63 != 0
            index += 8
        }
        while index < utf8.count {
            switch utf8[index] {
            case 0x0A, 0x09, 0x0D: return false
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            default: previousWasSpace = false
            }
            index += 1
        }
        return true
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
