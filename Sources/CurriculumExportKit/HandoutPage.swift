/// A Markdown handout as a page ready to print: rendered by ``MarkdownHTML``, with the pack's stylesheet, cut
/// lines where a card set has `---`, and only the part in the pack's language when the handout holds several.
public struct HandoutPage: Sendable {
    /// The handout's Markdown source.
    public var markdown: String
    /// The programme's source language, and its translation languages in declared order.
    public var sourceLanguage: String
    public var translationLanguages: [String]

    public init(markdown: String, sourceLanguage: String, translationLanguages: [String]) {
        self.markdown = markdown
        self.sourceLanguage = sourceLanguage
        self.translationLanguages = translationLanguages
    }

    /// The handout's top-level parts: the text split before each `# ` heading outside fenced code. A handout that
    /// holds several languages gives each its own top-level heading (source language first, then the programme's
    /// translation languages in the order `<languages translations=…>` declares them).
    public var parts: [String] {
        var parts: [[Substring]] = []
        var current: [Substring] = []
        var currentHasHeading = false
        var fence: Substring? = nil
        // Lines split at each line feed byte: splitting by Character is many times slower, and would keep a
        // `\r\n` pair (one Character) from splitting at all.
        for line in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(Substring.init) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("# ") {
                if currentHasHeading {
                    parts.append(current)
                    current = []
                }
                currentHasHeading = true
            }
            current.append(line)
        }
        parts.append(current)
        return parts.map { $0.joined(separator: "\n") }
    }

    /// The Markdown to print in a language, and the language it is in: the part for that language when the
    /// handout has exactly one top-level part per programme language, otherwise the whole handout in the source
    /// language.
    public func part(for language: String) -> (markdown: String, language: String) {
        let languages = [sourceLanguage] + translationLanguages
        let parts = self.parts
        guard parts.count > 1, parts.count == languages.count,
            let index = languages.firstIndex(where: { $0.lowercased() == language.lowercased() })
        else { return (markdown, sourceLanguage) }
        return (parts[index], languages[index])
    }

    /// The page in a language: a self-contained HTML document. Each stretch between `---` lines is a card kept
    /// whole on paper, with a dashed cut line between cards.
    ///
    /// - Parameters:
    ///   - language: The pack's language.
    ///   - title: The handout's title, escaped here.
    ///   - styles: The pack's stylesheet (CSS, inserted into a `<style>` element).
    ///   - generator: The exporter and its version, for the `generator` meta element.
    public func html(language: String, title: String, styles: String, generator: String) -> String {
        let (content, used, isCardSet) = body(language: language)
        return """
            <!doctype html>
            <html lang="\(HTMLEscaping.escape(used))">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="\(HTMLEscaping.escape(generator))">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>
            \(styles)
            \(Self.handoutStyles)
            </style>
            </head>
            <body class="handout\(isCardSet ? " cards" : "")">
            <main>
            \(content)</main>
            </body>
            </html>

            """
    }

    /// The handout's body in a language, without a document around it: what a learning platform puts inside its
    /// own page. Each stretch between `---` lines of a card set is a `<section class="card">`, with a cut line
    /// (`<hr class="cut" />`) between cards.
    ///
    /// - Returns: The HTML, the language it is in (see ``part(for:)``), and whether it is a card set.
    public func body(language: String) -> (html: String, language: String, isCardSet: Bool) {
        let (source, used) = part(for: language)
        let rendered = MarkdownHTML.html(source)
        // A `---` that only separates this language's part from the next one leaves an empty card: not a card.
        let cards = Self.split(rendered, at: "<hr />\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard cards.count > 1 else { return (cards.first ?? rendered, used, false) }
        let html = cards.map { "<section class=\"card\">\n\($0)</section>\n" }
            .joined(separator: "<hr class=\"cut\" />\n")
        return (html, used, true)
    }

    /// The text between occurrences of `separator`, compared byte for byte: cmark-gfm writes the rule the same
    /// way every time, and Foundation's `components(separatedBy:)` compares character by character, which cost a
    /// tenth of an HTML export.
    static func split(_ text: String, at separator: String) -> [String] {
        let bytes = Array(text.utf8)
        let mark = Array(separator.utf8)
        guard !mark.isEmpty, bytes.count >= mark.count else { return [text] }
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index + mark.count <= bytes.count {
            if bytes[index] == mark[0], bytes[index..<index + mark.count].elementsEqual(mark) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// What a printed handout needs on top of the pack's stylesheet: cut lines and cards kept whole.
    public static let handoutStyles = """
        body.handout main { max-width: 46em; margin: 0 auto; padding: 1em; }
        body.handout table { border-collapse: collapse; width: 100%; }
        body.handout th, body.handout td { border: 1px solid #999; padding: 0.3em 0.5em; vertical-align: top;
          overflow-wrap: anywhere; }
        body.handout .card { break-inside: avoid; page-break-inside: avoid; padding: 0.4em 0; }
        body.handout hr.cut { border: none; border-top: 1px dashed #555; margin: 1em 0; overflow: visible;
          height: 0; }
        body.handout hr.cut::after { content: "\\2702"; position: relative; top: -0.75em; left: 0;
          background: #fff; padding-right: 0.3em; color: #555; }
        @media print { body.handout main { max-width: none; padding: 0; } }
        """
}
