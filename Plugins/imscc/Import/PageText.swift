import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// The text of an HTML page or a topic, as the model's rich text, with what the page said about timing.
///
/// Pages repeat their item's title as a heading, and some (this plugin's own exports among them) give the time
/// slot in the first line and a breadcrumb in the last. Those lines are taken out of the text: the title is the
/// item's already, a clock range becomes the item's duration and the day's start, and a breadcrumb says nothing.
struct PageText {
    /// A time slot read from a page: `09:30–10:15`.
    struct Slot: Equatable {
        var start: ClockTime
        var minutes: Int
    }

    var blocks: [Block]
    var slot: Slot?
    /// Files of the package the page links to or shows (`$IMS-CC-FILEBASE$/…`, relative paths), in order: rich
    /// text links only to the web, so these become resources of the item instead.
    var localFiles: [String] = []

    /// The text as rich text, or `nil` when nothing is left.
    var richText: RichText? { blocks.isEmpty ? nil : RichText(blocks: blocks) }

    // MARK: - Reading

    /// Reads an HTML page of the package.
    ///
    /// - Parameters:
    ///   - path: The page, a path of the source tree.
    ///   - title: The item's title, dropped when the page starts with it.
    ///   - context: Titles of the item's ancestors and the course, dropped when the last line is made of them.
    ///   - reference: Where the page was referred to from.
    static func read(
        page path: String, title: String?, context: [String], referencedFrom reference: SourceLocation,
        state: inout ImportState
    ) -> PageText? {
        guard let root = state.reader.parseHTMLPart(path, report: &state.report, referencedFrom: reference) else {
            return nil
        }
        let body = root.element(named: "body") ?? root
        let conversion = RichTextConverter.blocks(from: body)
        reportDropped(conversion.dropped, in: body, file: path, state: &state)
        var text = PageText(blocks: conversion.blocks, slot: nil)
        text.localFiles = localFiles(in: body, page: path, state: state)
        text.sanitiseLinks(at: state.tree.location(path), state: &state)
        text.tidy(title: title, context: context)
        return text
    }

    /// The package files a page's links and images point at.
    static func localFiles(in body: XMLElement, page: String, state: ImportState) -> [String] {
        var found: [String] = []
        var stack = [body]
        while let element = stack.popLast() {
            for name in ["href", "src"] {
                if let reference = element[attribute: name], let path = state.localFile(reference, from: page),
                    path != page, !found.contains(path)
                {
                    found.append(path)
                }
            }
            stack += element.elements.reversed()
        }
        return found
    }

    /// The alt text of every image the package's pages show, by image path: the first non-empty one wins.
    static func imageAlts(pages: [String], state: inout ImportState) -> [String: String] {
        var alts: [String: String] = [:]
        for page in pages {
            var ignored = ImportReport()
            guard let root = state.reader.parseHTML(page, report: &ignored) else { continue }
            var stack = [root]
            while let element = stack.popLast() {
                if element.name == "img", let source = element[attribute: "src"],
                    let alt = element[attribute: "alt"]?.trimmingWhitespace(), !alt.isEmpty,
                    let path = state.localFile(source, from: page), alts[path] == nil
                {
                    alts[path] = alt
                }
                stack += element.elements
            }
        }
        return alts
    }

    /// Reads HTML held as text inside an XML file (a discussion topic's `<text texttype="text/html">`).
    static func read(
        html: String, at location: SourceLocation, title: String?, state: inout ImportState
    ) -> PageText {
        let conversion = RichTextConverter.blocks(fromHTML: Data(html.utf8))
        if !conversion.dropped.isEmpty {
            state.report.warning(
                CCCode.contentLeftOut,
                "the text holds \(list(conversion.dropped)), which rich text has no equivalent for; it was left out",
                at: location)
        }
        var text = PageText(blocks: conversion.blocks, slot: nil)
        text.sanitiseLinks(at: location, state: &state)
        text.tidy(title: title, context: [])
        return text
    }

    /// Plain text: paragraphs split at blank lines.
    static func plain(_ text: String) -> PageText {
        let paragraphs = LOMReader.plain(text).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        return PageText(blocks: paragraphs.map { .paragraph([.text($0)]) }, slot: nil)
    }

    // MARK: - Cleaning

    /// Removes links whose scheme the native format refuses (only `https`, `http` and `mailto` are kept).
    private mutating func sanitiseLinks(at location: SourceLocation, state: inout ImportState) {
        var refused: [String] = []
        blocks = blocks.map { block in
            var block = block
            block.inlines = Self.sanitised(block.inlines, refused: &refused)
            block.items = block.items.map { Self.sanitised($0, refused: &refused) }
            return block
        }
        for href in refused {
            state.report.warning(
                CCCode.contentLeftOut,
                "the link \"\(href.prefix(120))\" uses a scheme that is not allowed; only its text was kept",
                at: location, hint: "Links may use https, http or mailto.")
        }
    }

    private static func sanitised(_ inlines: [Inline], refused: inout [String]) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            var inline = inline
            if let children = inline.children { inline.children = sanitised(children, refused: &refused) }
            guard inline.kind == .link, let href = inline.href else { return [inline] }
            let lower = href.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") {
                return [inline]
            }
            if !refused.contains(href) { refused.append(href) }
            return inline.children ?? []
        }
    }

    /// Drops the title heading, reads and drops a time-slot line, and drops a closing breadcrumb.
    private mutating func tidy(title: String?, context: [String]) {
        if let title, let first = blocks.first, Self.isHeading(first), Self.same(first.plainText, title) {
            blocks.removeFirst()
        }
        if let first = blocks.first, first.kind == .paragraph, let slot = Self.slot(in: first.plainText) {
            self.slot = slot
            blocks.removeFirst()
        }
        if let last = blocks.last, last.kind == .paragraph, !context.isEmpty {
            let parts = last.plainText.components(separatedBy: " · ")
            if parts.count > 1, parts.allSatisfy({ part in context.contains { Self.same($0, part) } }) {
                blocks.removeLast()
            }
        }
    }

    /// Whether a block is a heading as the converter renders it: a paragraph of strong text only.
    private static func isHeading(_ block: Block) -> Bool {
        block.kind == .paragraph && block.inlines.count == 1 && block.inlines[0].kind == .strong
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.trimmingWhitespace().lowercased()
            == rhs.trimmingWhitespace().lowercased()
    }

    /// A clock range such as `09:30–10:15` among the ` · `, `|` or `,` separated parts of a short line.
    static func slot(in line: String) -> Slot? {
        guard line.count <= 160 else { return nil }
        let parts = line.components(separatedBy: CharacterSet(charactersIn: "·|,"))
        for part in parts {
            let bounds = part.components(separatedBy: CharacterSet(charactersIn: "–-"))
            guard bounds.count == 2 else { continue }
            let clocks = bounds.map { Self.clock($0.trimmingCharacters(in: .whitespaces)) }
            guard let start = clocks[0], let end = clocks[1], end.minutes > start.minutes else { continue }
            return Slot(start: start, minutes: end.minutes - start.minutes)
        }
        return nil
    }

    /// `09:30` or `9:30`.
    private static func clock(_ text: String) -> ClockTime? {
        ClockTime(text) ?? ClockTime("0" + text)
    }

    // MARK: - Reporting

    private static func reportDropped(
        _ dropped: [String], in body: XMLElement, file: String, state: inout ImportState
    ) {
        guard let name = dropped.first else { return }
        let first = firstElement(named: name, in: body)
        state.report.warning(
            CCCode.contentLeftOut,
            "the page holds \(list(dropped)), which rich text has no equivalent for; it was left out",
            at: first.map { state.location($0, in: file) } ?? state.tree.location(file),
            hint: "Rich text keeps paragraphs, lists, quotes, emphasis and links; link the page as a resource instead.")
    }

    private static func firstElement(named name: String, in root: XMLElement) -> XMLElement? {
        var stack = [root]
        while let element = stack.popLast() {
            if element.name == name { return element }
            stack += element.elements.reversed()
        }
        return nil
    }

    private static func list(_ names: [String]) -> String {
        names.map { "<\($0)>" }.joined(separator: ", ")
    }
}
