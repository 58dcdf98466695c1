public import CurriculumModel
public import CurriculumXML
public import Foundation

/// Turns body markup from other formats — XHTML, HTML pages, DITA topic bodies — into the model's small rich-text
/// vocabulary: paragraphs, lists, quotes, emphasis, strong text and links.
///
/// Headings become strong paragraphs; sections and other containers are read through; text-level wrappers
/// (`span`, `code`, `ph` …) keep their text. Anything with no equivalent (images, tables, media, forms, scripts)
/// is left out and its element name returned, so the importer can report it.
public enum RichTextConverter {
    /// The blocks of a body, and the names of the elements that were left out.
    public struct Conversion: Sendable, Equatable {
        public var blocks: [Block]
        /// Element names with no equivalent, each once, in the order met.
        public var dropped: [String]
    }

    /// Converts the content of an element.
    public static func blocks(from element: XMLElement) -> Conversion {
        var walker = Walker()
        walker.container(element)
        walker.flushParagraph()
        return Conversion(blocks: walker.blocks, dropped: walker.dropped)
    }

    /// Converts an HTML page or fragment (its `<body>`, or the whole page when it has none).
    public static func blocks(fromHTML data: Data) -> Conversion {
        let outcome = data.withUnsafeBytes { LenientHTMLParser().parse($0) }
        guard let root = outcome.root else { return Conversion(blocks: [], dropped: []) }
        return blocks(from: root.element(named: "body") ?? root)
    }

    // MARK: - Vocabulary

    static let paragraphs: Set<String> = [
        "p", "address", "figcaption", "dt", "dd", "shortdesc", "abstract",
    ]
    /// Blocks whose line breaks are meaningful (code, verse): each line becomes a paragraph of its own.
    static let preformatted: Set<String> = ["pre", "codeblock", "lines", "msgblock", "screen"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "title"]
    static let bulletLists: Set<String> = ["ul", "sl", "menu"]
    static let numberedLists: Set<String> = ["ol"]
    static let quotes: Set<String> = ["blockquote", "lq"]
    static let containers: Set<String> = [
        "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "dl",
        "conbody", "taskbody", "refbody", "bodydiv", "sectiondiv", "example", "note", "context", "result",
        "postreq", "prereq", "steps", "steps-unordered", "step", "cmd", "info", "stepresult", "fig", "details",
        "summary", "dlentry", "li", "sli", "topic", "concept", "task", "reference",
    ]
    static let emphasis: Set<String> = ["em", "i", "cite", "var", "dfn"]
    static let strong: Set<String> = ["strong", "b", "uicontrol", "wintitle"]
    static let links: Set<String> = ["a", "xref", "link"]
    static let silent: Set<String> = [
        "script", "style", "head", "noscript", "template", "comment", "draft-comment", "indexterm", "data",
        "required-cleanup", "titlealts", "prolog",
    ]
    /// Elements whose text is not readable prose (tables read cell by cell, forms, media fallbacks).
    static let noTextEquivalent: Set<String> = [
        "table", "img", "image", "iframe", "video", "audio", "object", "embed", "form", "select", "svg", "canvas",
        "simpletable", "input", "textarea", "button", "fn",
    ]
    static let passThroughInline: Set<String> = [
        "span", "code", "ph", "codeph", "tt", "u", "small", "big", "abbr", "kbd", "samp", "mark", "q",
        "keyword", "term", "filepath", "apiname", "option", "parmname", "cmdname", "msgph", "systemoutput",
        "userinput", "varname", "tm", "font", "label", "time", "s", "del", "ins", "bdi", "bdo", "nobr", "acronym",
    ]

    // MARK: - Walking

    private struct Walker {
        var blocks: [Block] = []
        var dropped: [String] = []
        /// Inline content not yet inside a block (text loose in a container).
        var loose: [Inline] = []

        mutating func container(_ element: XMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): loose.append(.text(text))
                case .element(let inner): node(inner)
                }
            }
        }

        mutating func node(_ element: XMLElement) {
            let name = element.name.lowercased()
            if RichTextConverter.silent.contains(name) { return }
            if RichTextConverter.paragraphs.contains(name) {
                flushParagraph()
                append(Block(kind: .paragraph, inlines: inlines(of: element)))
            } else if RichTextConverter.preformatted.contains(name) {
                flushParagraph()
                for line in element.textContent.split(whereSeparator: \.isNewline) {
                    append(Block(kind: .paragraph, inlines: [.text(String(line))]))
                }
            } else if RichTextConverter.headings.contains(name) {
                flushParagraph()
                let content = inlines(of: element)
                if !content.isEmpty {
                    append(Block(kind: .paragraph, inlines: [Inline(kind: .strong, children: content)]))
                }
            } else if RichTextConverter.quotes.contains(name) {
                flushParagraph()
                append(Block(kind: .quote, inlines: inlines(of: element)))
            } else if RichTextConverter.bulletLists.contains(name) || RichTextConverter.numberedLists.contains(name) {
                flushParagraph()
                var items: [[Inline]] = []
                listItems(of: element, depth: 0, into: &items)
                if !items.isEmpty {
                    append(
                        Block(kind: RichTextConverter.numberedLists.contains(name) ? .numbers : .bullets, items: items))
                }
            } else if RichTextConverter.containers.contains(name) {
                flushParagraph()
                container(element)
                flushParagraph()
            } else if isInline(name) {
                loose.append(contentsOf: inlineNode(element))
            } else {
                drop(element.name)
            }
        }

        static func isList(_ name: String) -> Bool {
            RichTextConverter.bulletLists.contains(name) || RichTextConverter.numberedLists.contains(name)
        }

        /// The items of a list; the model's lists are flat, so a nested list's items follow their parent item,
        /// marked "– " for each level of depth. A list written directly inside a list (as Canvas and Studio
        /// indent) is read the same way.
        mutating func listItems(of list: XMLElement, depth: Int, into items: inout [[Inline]]) {
            let marker: [Inline] = depth == 0 ? [] : [.text(String(repeating: "– ", count: depth))]
            for child in list.elements {
                let name = child.name.lowercased()
                if Self.isList(name) {
                    listItems(of: child, depth: depth + 1, into: &items)
                } else if name == "li" || name == "sli" {
                    var content: [Inline] = []
                    var nested: [XMLElement] = []
                    for part in child.children {
                        switch part {
                        case .text(let text): content.append(.text(text))
                        case .element(let inner) where Self.isList(inner.name.lowercased()): nested.append(inner)
                        case .element(let inner): content.append(contentsOf: inlineNode(inner))
                        }
                    }
                    let tidied = Self.tidy(content)
                    if !tidied.isEmpty { items.append(marker + tidied) }
                    for inner in nested { listItems(of: inner, depth: depth + 1, into: &items) }
                } else {
                    let content = Self.tidy(inlineNode(child))
                    if !content.isEmpty { items.append(marker + content) }
                }
            }
        }

        func isInline(_ name: String) -> Bool {
            RichTextConverter.emphasis.contains(name) || RichTextConverter.strong.contains(name)
                || RichTextConverter.links.contains(name) || RichTextConverter.passThroughInline.contains(name)
                || name == "br" || name == "sup" || name == "sub"
        }

        mutating func flushParagraph() {
            let content = Self.tidy(loose)
            loose = []
            if !content.isEmpty { blocks.append(Block(kind: .paragraph, inlines: content)) }
        }

        mutating func append(_ block: Block) {
            let tidied: Block
            switch block.kind {
            case .paragraph, .quote: tidied = Block(kind: block.kind, inlines: Self.tidy(block.inlines))
            case .bullets, .numbers: tidied = Block(kind: block.kind, items: block.items.map(Self.tidy))
            }
            if !tidied.inlines.isEmpty || !tidied.items.isEmpty { blocks.append(tidied) }
        }

        mutating func drop(_ name: String) {
            if !dropped.contains(name) { dropped.append(name) }
        }

        /// The inline content of an element; nested blocks are read as text.
        mutating func inlines(of element: XMLElement) -> [Inline] {
            var result: [Inline] = []
            for child in element.children {
                switch child {
                case .text(let text): result.append(.text(text))
                case .element(let inner): result.append(contentsOf: inlineNode(inner))
                }
            }
            return result
        }

        mutating func inlineNode(_ element: XMLElement) -> [Inline] {
            let name = element.name.lowercased()
            if RichTextConverter.silent.contains(name) { return [] }
            if name == "br" { return [.text(" ")] }
            let content = inlines(of: element)
            if name == "sup" { return [.text(ScriptText.superscript(content.plainText))] }
            if name == "sub" { return [.text(ScriptText.subscript(content.plainText))] }
            if RichTextConverter.emphasis.contains(name) { return [Inline(kind: .emphasis, children: content)] }
            if RichTextConverter.strong.contains(name) { return [Inline(kind: .strong, children: content)] }
            if RichTextConverter.links.contains(name) {
                guard let href = element[attribute: "href"], SourceTree.hasScheme(href) else { return content }
                return [Inline(kind: .link, href: href, children: content.isEmpty ? [.text(href)] : content)]
            }
            if RichTextConverter.passThroughInline.contains(name) { return content }
            // A block met inside inline content (a paragraph in a list item) is read as text set apart by spaces.
            if RichTextConverter.containers.contains(name) || RichTextConverter.paragraphs.contains(name)
                || RichTextConverter.headings.contains(name) || RichTextConverter.quotes.contains(name)
            {
                return [.text(" ")] + content + [.text(" ")]
            }
            if RichTextConverter.bulletLists.contains(name) || RichTextConverter.numberedLists.contains(name) {
                return [.text(" ")] + content + [.text(" ")]
            }
            // An element this vocabulary does not know still keeps its words; only an empty one (an image, a
            // media player) is reported as left out.
            if !content.isEmpty && !RichTextConverter.noTextEquivalent.contains(name) { return content }
            drop(element.name)
            return []
        }

        /// Collapses whitespace, merges neighbouring text, trims the ends, and removes empty formatting.
        static func tidy(_ inlines: [Inline]) -> [Inline] {
            var merged: [Inline] = []
            func appendText(_ text: String) {
                var piece = collapse(text)
                guard let last = merged.last, last.kind == .text, var joined = last.text else {
                    merged.append(.text(piece))
                    return
                }
                // Both sides are collapsed already: only a space on each side of the seam can double.
                if joined.hasSuffix(" ") && piece.hasPrefix(" ") { piece.removeFirst() }
                joined += piece
                merged[merged.count - 1].text = joined
            }
            for inline in inlines {
                var current = inline
                if current.kind == .text {
                    appendText(current.text ?? "")
                    continue
                }
                // Spaces at the edges of formatting (`<em>your </em>learning`) move outside it, so words stay apart.
                let raw = current.children ?? []
                let startsWithSpace = raw.first.map { $0.kind == .text && ($0.text?.first?.isWhitespace ?? false) }
                let endsWithSpace = raw.last.map { $0.kind == .text && ($0.text?.last?.isWhitespace ?? false) }
                let children = tidy(raw)
                if children.isEmpty {
                    if startsWithSpace == true || endsWithSpace == true { appendText(" ") }
                    continue
                }
                current.children = children
                if startsWithSpace == true { appendText(" ") }
                merged.append(current)
                if endsWithSpace == true { appendText(" ") }
            }
            if let first = merged.first, first.kind == .text {
                let trimmed = String((first.text ?? "").drop { $0 == " " })
                if trimmed.isEmpty { merged.removeFirst() } else { merged[0].text = trimmed }
            }
            if let last = merged.last, last.kind == .text {
                var trimmed = last.text ?? ""
                while trimmed.last == " " { trimmed.removeLast() }
                if trimmed.isEmpty { merged.removeLast() } else { merged[merged.count - 1].text = trimmed }
            }
            return merged
        }

        static func collapse(_ text: String) -> String {
            RichTextConverter.collapse(text)
        }
    }

    /// Runs of white space as one space, ends kept (as one space). Text is read byte by byte; only text holding a
    /// byte that can start a non-ASCII space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) goes through
    /// `Character.isWhitespace`. Text with nothing to collapse, most of it, is returned as it is.
    public static func collapse(_ text: String) -> String {
        var text = text
        var needsCharacters = false
        // Read through the string's own UTF-8 storage: iterating `utf8` goes through an index per byte.
        let collapsed = text.withUTF8 { utf8 -> String? in
            guard needsCollapsing(utf8, needsCharacters: &needsCharacters), !needsCharacters else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var pendingSpace = false
            for byte in utf8 {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: pendingSpace = true
                default:
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
            if pendingSpace { bytes.append(0x20) }
            return String(decoding: bytes, as: UTF8.self)
        }
        if needsCharacters { return slowCollapse(text) }
        return collapsed ?? text
    }

    /// Whether any white space in the bytes is other than a lone space; `needsCharacters` is set when they hold a
    /// non-ASCII space.
    private static func needsCollapsing(_ utf8: UnsafeBufferPointer<UInt8>, needsCharacters: inout Bool) -> Bool {
        var previousSpace = false
        var collapses = false
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case 0x20:
                if previousSpace { collapses = true }
                previousSpace = true
            case 0x09, 0x0A, 0x0D, 0x0C, 0x0B:
                collapses = true
                previousSpace = true
            case 0xC2, 0xE1, 0xE2, 0xE3:
                if isUnicodeSpace(utf8, at: index) {
                    needsCharacters = true
                    return true
                }
                previousSpace = false
            default: previousSpace = false
            }
        }
        return collapses
    }

    /// Whether the UTF-8 sequence at `index` is a white-space character beyond ASCII: U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
    private static func isUnicodeSpace(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < utf8.count ? utf8[index + offset] : 0 }
        switch (byte(0), byte(1)) {
        case (0xC2, 0x85), (0xC2, 0xA0): return true
        case (0xE1, 0x9A): return byte(2) == 0x80
        case (0xE2, 0x80): return (0x80...0x8A).contains(byte(2)) || [0xA8, 0xA9, 0xAF].contains(byte(2))
        case (0xE2, 0x81): return byte(2) == 0x9F
        case (0xE3, 0x80): return byte(2) == 0x80
        default: return false
        }
    }

    private static func slowCollapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        if pendingSpace { result.append(" ") }
        return result
    }

    /// The number of words (runs of non-space) in a text, counted on its bytes.
    public static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var count = 0
            var inWord = false
            for byte in utf8 {
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
    }
}
