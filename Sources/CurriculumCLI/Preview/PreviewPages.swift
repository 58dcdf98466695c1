import CurriculumKit
import CurriculumModel
import CurriculumPluginKit

/// The preview's own HTML: the index of sessions, the findings panel, and the script that reloads a page when the
/// server says the curriculum changed (server-sent events on `/events`).
enum PreviewPages {
    static let reloadScript = """
        <script>new EventSource("/events").addEventListener("message", () => location.reload());</script>
        """

    static func index(_ rendering: PreviewSite.Rendering, generation: Int) -> String {
        let e = MarkupEscaping.text
        var body = "<h1>\(e(rendering.title))</h1>\n"
        body += findings(rendering)
        if rendering.sessions.isEmpty { body += "<p>No pages yet.</p>\n" }
        for session in rendering.sessions {
            body += "<h2>\(e(session.title)) <small>(\(e(session.id)))</small></h2>\n<ul>\n"
            for path in session.files.keys.sorted() {
                let label =
                    switch path {
                    case "facilitator-guide.html": "Facilitator guide"
                    case "participant-pack.html": "Participant pack"
                    default: path
                    }
                let href = "/\(session.id)/\(path)".split(separator: "/").map {
                    String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
                }.joined(separator: "/")
                body += "  <li><a href=\"/\(MarkupEscaping.attribute(href))\">\(e(label))</a></li>\n"
            }
            body += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Preview: \(e(rendering.title))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            .findings{border:2px solid #b00;padding:.5rem 1rem;margin:1rem 0}.findings.clean{border-color:#070}
            .findings li{font-family:monospace;white-space:pre-wrap}</style></head>
            <body data-generation="\(generation)">
            \(body)\(reloadScript)
            </body></html>

            """
    }

    /// The findings of the last validation, as a panel; a green line when there are none.
    static func findings(_ rendering: PreviewSite.Rendering) -> String {
        let e = MarkupEscaping.text
        var html = ""
        if let problem = rendering.problem { html += "<p><strong>\(e(problem))</strong></p>\n" }
        let summary = DiagnosticSummary(rendering.diagnostics, files: 0)
        let counts = "\(summary.errors) errors, \(summary.warnings) warnings, \(summary.infos) info"
        guard !rendering.diagnostics.isEmpty else {
            return "<div class=\"findings clean\" id=\"curriculum-findings\">\(html)<p>\(counts)</p></div>\n"
        }
        html += "<p>\(counts)</p>\n<ul>\n"
        for diagnostic in rendering.diagnostics {
            let place = diagnostic.location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
            html +=
                "<li>\(e(place))\(diagnostic.severity.rawValue)[\(e(diagnostic.code))]: \(e(diagnostic.message))</li>\n"
        }
        return "<div class=\"findings\" id=\"curriculum-findings\">\(html)</ul></div>\n"
    }

    /// A rendered HTML page with the findings panel at the top of its body and the reload script at the end.
    ///
    /// Works on the bytes: a guide is hundreds of kilobytes, and searching it as a Foundation string (UTF-16
    /// offsets) cost milliseconds on every request, which a browser reloading after each save pays.
    static func decorate(_ page: [UInt8], with rendering: PreviewSite.Rendering) -> [UInt8] {
        let panel =
            "<div style=\"all:initial;display:block;font-family:sans-serif;padding:.5rem;background:#fff\">"
            + findings(rendering) + "<a href=\"/\">All pages</a></div>"
        let script = Array(reloadScript.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(page.count + panel.utf8.count + script.count)
        var copied = 0
        if let body = firstIndex(of: Array("<body".utf8), in: page),
            let end = page[(body + 5)...].firstIndex(of: UInt8(ascii: ">"))
        {
            result += page[..<(end + 1)]
            result += Array(panel.utf8)
            copied = end + 1
        }
        if let close = lastIndex(of: Array("</body>".utf8), in: page), close >= copied {
            result += page[copied..<close]
            result += script
            result += page[close...]
        } else {
            result += page[copied...]
            result += script
        }
        return result
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
