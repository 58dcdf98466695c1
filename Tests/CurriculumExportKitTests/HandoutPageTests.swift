import CurriculumExportKit
import Testing

/// A handout's body, as the cartridge puts it inside a platform's page: one language's part, cards only where the
/// part really holds several.
@Suite struct HandoutPageTests {
    static let bilingual = """
        # Template

        **Municipality:** ______

        ---

        # Modèle

        **Commune :** ______
        """

    @Test func theSeparatorBeforeTheNextLanguageIsNotACard() {
        let page = HandoutPage(markdown: Self.bilingual, sourceLanguage: "en", translationLanguages: ["fr"])
        let english = page.body(language: "en")
        #expect(english.language == "en" && !english.isCardSet)
        #expect(english.html.hasPrefix("<h1>Template</h1>") && !english.html.contains("Modèle"))
        #expect(!english.html.contains("<hr"))
        let french = page.body(language: "fr")
        #expect(french.language == "fr" && french.html.hasPrefix("<h1>Modèle</h1>"))
    }

    @Test func aCardSetKeepsACutLineBetweenCards() {
        let page = HandoutPage(
            markdown: "# Cards\n\nOne\n\n---\n\nTwo\n\n---\n\nThree\n", sourceLanguage: "en", translationLanguages: [])
        let body = page.body(language: "en")
        #expect(body.isCardSet)
        #expect(body.html.components(separatedBy: "<section class=\"card\">").count - 1 == 3)
        #expect(body.html.components(separatedBy: "<hr class=\"cut\" />").count - 1 == 2)
    }

    /// A handout saved with Windows line ends splits into its languages too (a `\r\n` pair is one Character, so
    /// splitting the text by Character at `\n` found no line at all).
    @Test func aHandoutWithWindowsLineEndsSplitsIntoItsLanguages() {
        let windows = Self.bilingual.replacingOccurrences(of: "\n", with: "\r\n")
        let page = HandoutPage(markdown: windows, sourceLanguage: "en", translationLanguages: ["fr"])
        #expect(page.parts.count == 2)
        #expect(page.body(language: "fr").html.hasPrefix("<h1>Modèle</h1>"))
    }

    /// A `# ` line inside fenced code is code, not a heading: it starts no part of its own.
    @Test func aHashLineInFencedCodeIsNotALanguageHeading() {
        let markdown = "# Template\n\n```\n# not a heading\n```\n\n# Modèle\n"
        let page = HandoutPage(markdown: markdown, sourceLanguage: "en", translationLanguages: ["fr"])
        #expect(page.parts.count == 2)
        #expect(page.parts[0].contains("# not a heading"))
    }
}
