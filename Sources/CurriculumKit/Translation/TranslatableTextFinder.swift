import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import CurriculumXML

/// Finds the translatable texts of one parsed curriculum file, with their translations, by walking its elements:
/// the same walk for export, import and status, so a text's ID is found again after the file was edited.
struct TranslatableTextFinder {
    /// Elements of the `label` type (short texts, inline markup allowed).
    static let labels: Set<String> = [
        "title", "subtitle", "name", "text", "option", "question", "term", "step", "task", "material",
        // An audience's profile, and a delivery's venue and facilitators, reach the guides too.
        "sector", "background", "prior-knowledge", "needs", "address", "facilitator",
        // A case study's source citations are shown in the guides.
        "source",
        // The programme's owner, funders and licence are printed on the covers.
        "owner", "funder", "licence",
        // Keywords describe the programme in a cartridge's metadata.
        "keyword",
    ]
    /// Elements of the `richText` type (paragraphs and lists).
    static let richTexts: Set<String> = [
        "summary", "provenance", "description", "purpose", "participant-instructions", "facilitator-notes", "context",
        "approach", "impact", "lessons", "content-warning", "definition", "sensitivity-note", "room", "variant",
    ]
    let file: String

    func texts(in root: XMLElement) -> [TranslatableText] {
        var found: [TranslatableText] = []
        walk(root, anchor: root[attribute: "id"] ?? root.name, path: [], facilitator: false, parent: nil, into: &found)
        return found
    }

    private func walk(
        _ element: XMLElement, anchor: String, path: [String], facilitator: Bool, parent: XMLElement?,
        into found: inout [TranslatableText]
    ) {
        // The participant view decides which elements participants read, as it does for every export.
        let forFacilitator = !ParticipantView.sees(
            element: element.name, markedFor: element[attribute: "for"], insideWithheld: facilitator)
        if let form = form(of: element, parent: parent) {
            let translatable = text(
                element, form: form, id: ([anchor] + path).joined(separator: "/"), facilitator: forFacilitator)
            // An empty text has nothing to translate (STR012 reports it).
            if !translatable.source.isEmpty { found.append(translatable) }
            return
        }
        var counts: [String: Int] = [:]
        for child in element.elements { counts[child.name, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for child in element.elements where child.name != "t" {
            seen[child.name, default: 0] += 1
            if let id = child[attribute: "id"] {
                walk(child, anchor: id, path: [], facilitator: forFacilitator, parent: element, into: &found)
            } else {
                let segment = (counts[child.name] ?? 0) > 1 ? "\(child.name)[\(seen[child.name] ?? 1)]" : child.name
                walk(
                    child, anchor: anchor, path: path + [segment], facilitator: forFacilitator, parent: element,
                    into: &found)
            }
        }
    }

    /// The form of a translatable element, or `nil` for any other element.
    private func form(of element: XMLElement, parent: XMLElement?) -> TranslatableText.Form? {
        let blocks = element.elements.filter { $0.name != "t" }
        if Self.labels.contains(element.name) {
            // An evaluation question holds its label in <text>.
            if blocks.contains(where: { $0.name == "text" || $0.name == "p" }) { return nil }
            return blocks.isEmpty ? .text : .markup
        }
        guard Self.richTexts.contains(element.name) else { return nil }
        if blocks.count == 1, blocks[0].name == "p", blocks[0].elements.isEmpty { return .paragraph }
        return .markup
    }

    private func text(
        _ element: XMLElement, form: TranslatableText.Form, id: String, facilitator: Bool
    )
        -> TranslatableText
    {
        var translations: [String: TranslatableText.Translation] = [:]
        for t in element.elements(named: "t") {
            guard let language = t[attribute: "xml:lang"], translations[language] == nil else { continue }
            translations[language] = TranslatableText.Translation(
                content: Self.content(of: t.children, form: form), rev: t[attribute: "rev"].flatMap { Int($0) })
        }
        let source = element.children.filter {
            if case .element(let child) = $0 { return child.name != "t" }
            return true
        }
        return TranslatableText(
            file: file, id: id, element: element.name, form: form, readers: facilitator ? .facilitator : .participant,
            source: Self.content(of: source, form: form), rev: element[attribute: "rev"].flatMap { Int($0) },
            translations: translations,
            location: SourceLocation(path: file, line: element.position.line, column: element.position.column))
    }

    /// The children as written in a form: plain text, or the format's markup with whitespace collapsed.
    static func content(of children: [XMLContent], form: TranslatableText.Form) -> String {
        switch form {
        case .text, .paragraph:
            var text = ""
            for child in children {
                switch child {
                case .text(let value): text += value
                case .element(let element): text += element.textContent
                }
            }
            return collapse(text)
        case .markup:
            let isBlocks = children.contains {
                if case .element(let element) = $0 { return ["p", "ul", "ol", "quote"].contains(element.name) }
                return false
            }
            return collapse(markup(children, betweenBlocks: isBlocks))
        }
    }

    /// The format's markup of some children; white space between blocks and list items is layout, not text.
    private static func markup(_ children: [XMLContent], betweenBlocks: Bool) -> String {
        var out = ""
        for child in children {
            switch child {
            case .text(let value):
                if betweenBlocks && collapse(value).isEmpty { continue }
                out += MarkupEscaping.text(value)
            case .element(let element):
                let attributes = element.attributes.map {
                    " \($0.qualifiedName)=\"\(MarkupEscaping.attribute($0.value))\""
                }.joined()
                out +=
                    "<\(element.name)\(attributes)>"
                    + markup(element.children, betweenBlocks: element.name == "ul" || element.name == "ol")
                    + "</\(element.name)>"
            }
        }
        return out
    }

    /// Runs of white space as one space, none at either end.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
