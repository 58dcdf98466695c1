import CCmarkGFM
import Foundation

/// Markdown handouts rendered to HTML by cmark-gfm, the reference CommonMark implementation with GitHub's
/// tables, strikethrough, autolinks and task lists.
///
/// cmark-gfm runs in its safe mode: raw HTML in the Markdown is left out (`<!-- raw HTML omitted -->`) and links
/// or images with `javascript:`, `vbscript:`, `file:` or `data:` targets lose their target, so a handout cannot
/// put script or markup of its own into a pack's page.
public enum MarkdownHTML {
    /// The HTML of a Markdown document.
    public static func html(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
