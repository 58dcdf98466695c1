import Testing

@testable import CurriculumKit

@Suite struct SensitiveTextDetectorTests {
    /// What the byte screen of the text facts walk says about a text.
    private func passesScreen(_ text: String) -> Bool {
        var screen = TextScreen()
        screen.look(text)
        return screen.verdict
    }

    @Test(arguments: SensitiveTextDetector.patterns.indices)
    func everyPatternsExamplePassesTheScreenAndIsDetected(index: Int) {
        let pattern = SensitiveTextDetector.patterns[index]
        // Alone, and inside ordinary prose, so the screen's eight-bytes-at-a-time skipping is exercised too.
        for text in [pattern.example, "some plain words before it, \(pattern.example), and after it too"] {
            #expect(passesScreen(text), "the pre-filter drops the example of \(pattern.name): \(text)")
            let found = SensitiveTextDetector.first(pattern.category, in: text)
            #expect(found?.hasPrefix(pattern.name) == true, "\(pattern.name) is not found in: \(text)")
        }
    }

    @Test func everyTriggerCanBeScreened() {
        #expect(SensitiveTextDetector.screen.unscreenable.isEmpty)
    }

    @Test func personalDataIsFoundWithoutFlaggingYears() {
        #expect(SensitiveTextDetector.first(.personalData, in: "Between 2015 2016 2017 2018 the city grew") == nil)
        #expect(SensitiveTextDetector.first(.personalData, in: "Groups of 4 to 6 for 45 minutes") == nil)
        #expect(
            SensitiveTextDetector.first(.personalData, in: "Write to jane.doe@city.example.eu")
                == "the e-mail address \"jane.doe@city.example.eu\"")
    }

    @Test func secretsNeedMoreThanAKeyword() {
        #expect(SensitiveTextDetector.first(.secret, in: "Keep your password safe") == nil)
        #expect(SensitiveTextDetector.first(.secret, in: "Le MOT DE PASSE : Soleil2027") == "a password")
        #expect(passesScreen("Le MOT DE PASSE : Soleil2027"), "keywords are found in any case")
        #expect(!passesScreen("Horaires : 9 h à 17 h"), "a colon without a keyword is not enough")
        #expect(!passesScreen("Keep your password safe"), "a keyword without a colon or = is not enough")
    }

    @Test func ordinaryProseDoesNotPassTheScreen() {
        #expect(!passesScreen("Participants draw the partner map in groups of four and compare it with the others."))
    }
}
