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
}
