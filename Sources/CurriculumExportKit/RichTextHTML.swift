public import CurriculumModel

/// Renders the model's rich text as HTML — paragraphs, lists and quotes with emphasis, strong text, links and
/// glossary terms — for every exporter that writes HTML. Every piece of text is escaped here, and links follow
/// ``LinkPolicy``.
public struct RichTextHTML: Sendable {
    /// The language to render, or `nil` for the source language.
    public var language: String?
    /// The programme's source language, written on texts that have no translation into ``language``.
    public var sourceLanguage: String
    /// Glossary entries that have an anchor on the page being rendered; terms naming them become links.
    public var glossaryAnchors: Set<String>

    public init(language: String?, sourceLanguage: String, glossaryAnchors: Set<String> = []) {
        self.language = language
        self.sourceLanguage = sourceLanguage
        self.glossaryAnchors = glossaryAnchors
    }

    /// The HTML of a text, or `nil` when there is no text or it renders to nothing. A text shown in the source
    /// language on a translated page is wrapped in an element whose `lang` says so.
    public func html(_ text: RichText?) -> String? {
        guard let text else { return nil }
        let body = blocks(text.blocks(in: language))
        guard !body.isEmpty else { return nil }
        if let language, language != sourceLanguage, !text.hasTranslation(language) {
            return "<div lang=\"\(HTMLEscaping.escape(sourceLanguage))\">\(body)</div>"
        }
        return body
    }

    /// The HTML of a list of blocks.
    public func blocks(_ blocks: [Block]) -> String {
        var html = ""
        for block in blocks {
            switch block.kind {
            case .paragraph:
                let content = inlines(block.inlines, insideLink: false)
                if !content.isEmpty { html += "<p>\(content)</p>\n" }
            case .quote:
                let content = inlines(block.inlines, insideLink: false)
                if !content.isEmpty { html += "<blockquote><p>\(content)</p></blockquote>\n" }
            case .bullets, .numbers:
                let items = block.items.map { inlines($0, insideLink: false) }.filter { !$0.isEmpty }
                guard !items.isEmpty else { continue }
                let tag = block.kind == .bullets ? "ul" : "ol"
                html += "<\(tag)>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</\(tag)>\n"
            }
        }
        return html
    }

    /// The HTML of a run of inline content. Links are never nested: inside a link, terms and links render as text.
    public func inlines(_ inlines: [Inline], insideLink: Bool) -> String {
        var html = ""
        for inline in inlines {
            let inner = { (nested: Bool) in
                inline.text.map(HTMLEscaping.escape) ?? self.inlines(inline.children ?? [], insideLink: nested)
            }
            switch inline.kind {
            case .text:
                html += inline.text.map(HTMLEscaping.escape) ?? ""
            case .emphasis:
                html += "<em>\(inner(insideLink))</em>"
            case .strong:
                html += "<strong>\(inner(insideLink))</strong>"
            case .link:
                if !insideLink, let href = LinkPolicy.safeExternalHref(inline.href) {
                    html += "<a href=\"\(HTMLEscaping.escape(href))\">\(inner(true))</a>"
                } else {
                    html += inner(insideLink)
                }
            case .term:
                if !insideLink, let ref = inline.ref, glossaryAnchors.contains(ref) {
                    html +=
                        "<a class=\"term\" href=\"#\(HTMLEscaping.anchor("glossary", ref))\">\(inner(true))</a>"
                } else {
                    html += "<span class=\"term\">\(inner(insideLink))</span>"
                }
            }
        }
        return html
    }
}
