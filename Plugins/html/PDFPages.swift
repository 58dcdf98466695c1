import CurriculumPluginKit
import Foundation

/// The `pdf` format: the same pages as `html`, printed by ``PDFEngine`` with a running header on every page.
///
/// Each HTML page (the guide, the participant pack, each handout page) becomes `pdf/<same path>.pdf` with the
/// same audience; copied files and Markdown sources are not repeated. Contents lists get their page numbers
/// (see ``ContentsPageNumbers``). The pages are written to a temporary folder
/// for Chromium to open and removed afterwards.
struct PDFPages {
    let engine: PDFEngine
    /// Programme, session and dates, shown at the top of every page.
    let header: String

    func print(_ pages: [Artifact]) throws -> [Artifact] {
        let folder = NSTemporaryDirectory() + "curriculum-pdf-pages-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var artifacts: [Artifact] = []
        for page in pages {
            guard let html = page.text, page.path.hasSuffix(".html") else { continue }
            let file = folder + "/" + page.path
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let printable = Self.withoutFileLinks(Self.withRunningHeader(html, header))
            let pdf = try printed(printable, at: file)
            artifacts.append(
                Artifact(
                    path: "pdf/" + String(page.path.dropLast(5)) + ".pdf", mediaType: "application/pdf",
                    base64: Data(pdf).base64EncodedString(), audience: page.audience))
        }
        return artifacts
    }

    /// The PDF of one page. A page with a contents list is printed twice: the first print says on which page each
    /// entry's target landed (its named destinations), the second carries those numbers in the contents.
    private func printed(_ html: String, at file: String) throws -> [UInt8] {
        guard ContentsPageNumbers.hasContents(html) else {
            try Data(html.utf8).write(to: URL(fileURLWithPath: file))
            return try engine.pdf(ofFile: file)
        }
        try Data(ContentsPageNumbers.numbered(html, pages: [:]).utf8).write(to: URL(fileURLWithPath: file))
        let pages = PDFDestinations(pdf: try engine.pdf(ofFile: file)).pages
        try Data(ContentsPageNumbers.numbered(html, pages: pages).utf8).write(to: URL(fileURLWithPath: file))
        return try engine.pdf(ofFile: file)
    }

    /// The page without links to other files of the pack: on paper they lead nowhere, and Chromium would write
    /// them as `file://` addresses in the temporary folder (a path of this machine, different on every run).
    /// Web, mail and in-page links stay.
    static func withoutFileLinks(_ html: String) -> String {
        html.replacingOccurrences(
            of: #" href="(?!https?:|mailto:|#)[^"]*""#, with: "", options: [.regularExpression, .caseInsensitive])
    }

    /// The page with a `@page` rule whose top-left margin box holds the header (as a CSS string).
    static func withRunningHeader(_ html: String, _ header: String) -> String {
        let style =
            "<style>@page { @top-left { content: \"\(cssString(header))\"; font: 8pt sans-serif; color: #5a6470; } }</style>\n"
        guard let end = html.range(of: "</head>") else { return style + html }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: style)
    }

    /// Text as the inside of a CSS string: backslashes, quotes and line breaks escaped, `<` written as an escape
    /// so the text cannot close the `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<": result += "\\3C "
            case "\n", "\r", "\u{0C}": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
