import CurriculumModel
import Testing

@testable import CurriculumKit

@Suite struct ContentRulesTests {
    typealias H = RuleHarness

    @Test func objectivesMustBeDevelopedAndAssessed() {
        let objective = Objective(id: "obj-a", domain: "skill", text: "Draft a referral note")
        let orphan = H.programme(
            days: [Day(number: 1, agenda: [H.item("a", .input, "PT30M")])], objectives: [objective])
        let codes = H.codes(orphan)
        #expect(codes.contains("PED002"))
        #expect(codes.contains("PED003"))
        #expect(codes.contains("PED011"))
        let covered = H.programme(
            days: [Day(number: 1, agenda: [H.item("a", .exercise, "PT30M", develops: ["obj-a"])])],
            objectives: [objective],
            questions: [Question(id: "q", type: "open", assesses: ["obj-a"], text: "How?")])
        #expect(!H.codes(covered).contains("PED002"))
        #expect(!H.codes(covered).contains("PED003"))
    }

    @Test(arguments: ["Understand radicalisation", "Know the partners", "Be aware of the signs", "Learn about schools"])
    func vagueObjectiveVerbsAreFlagged(text: String) {
        let programme = H.programme(days: [], objectives: [Objective(id: "o", domain: "knowledge", text: Label(text))])
        #expect(H.codes(programme).contains("PED004"))
    }

    @Test func referencesMustNameTheRightKind() {
        var programme = H.programme(days: [
            Day(number: 1, agenda: [H.item("a", .input, "PT30M", develops: ["s1", "nothing"])])
        ])
        programme.resources = [Resource(id: "r", kind: "handout", title: "R")]
        let findings = H.findings(programme)
        #expect(
            findings.contains {
                $0.code == "REF003" && $0.message == "develops= must name an objective, but \"s1\" is a session"
            })
        #expect(findings.contains { $0.code == "REF002" && $0.message.contains("\"nothing\"") })
    }

    @Test func sessionsWithTranslationsNeedEveryParticipantText() {
        let objective = Objective(
            id: "o", domain: "skill",
            text: Label("Map partners", translations: [Translation(language: "fr", text: "Cartographier")]))
        var programme = H.programme(
            days: [Day(number: 1, agenda: [H.item("a", .exercise, "PT30M", develops: ["o"])])], objectives: [objective],
            translations: ["fr"])
        programme.title = Label("P", translations: [Translation(language: "fr", text: "P")])
        let missing = H.findings(programme).filter { $0.code == "LNG002" }.map(\.message)
        #expect(missing.contains { $0.contains("title of session \"s1\"") })
        #expect(missing.contains { $0.contains("title of item \"a\"") })
        #expect(!missing.contains { $0.contains("objective \"o\"") })
    }

    @Test func staleTranslationsAreFound() {
        var programme = H.programme(days: [], translations: ["fr"])
        programme.title = Label(
            "New title", translations: [Translation(language: "fr", text: "Ancien", revision: 1)], revision: 2)
        #expect(H.codes(programme).contains("LNG003"))
    }

    @Test func aRepeatedTranslationIsReportedOncePerRepeat() {
        var programme = H.programme(days: [])
        programme.title = Label(
            "P",
            translations: ["fr", "de", "fr", "nl", "de"].map { Translation(language: $0, text: "P") })
        let repeats = H.findings(programme).filter { $0.code == "LNG005" }.map(\.message)
        #expect(repeats.count == 2)
        #expect(repeats.contains { $0.contains("two \"fr\" translations") })
        #expect(repeats.contains { $0.contains("two \"de\" translations") })
    }

    @Test(arguments: ["EN", "Fr", "deu"])
    func bareLanguagesPassInEitherCase(tag: String) { #expect(LanguageTag.isValid(tag)) }

    @Test(arguments: ["e1", "f-", "é", "a@"])
    func shortTagsWithOtherCharactersFail(tag: String) { #expect(!LanguageTag.isValid(tag)) }

    @Test(arguments: ["en", "fr", "pt-BR", "sr-Latn", "zh-Hant-TW", "de-CH-1996", "es-419", "x-private"])
    func wellFormedLanguageTagsPass(tag: String) { #expect(LanguageTag.isValid(tag)) }

    @Test(arguments: ["", "fr_FR", "f", "english language", "fr-", "12", "en--GB"])
    func malformedLanguageTagsFail(tag: String) { #expect(!LanguageTag.isValid(tag)) }

    @Test func sensitiveCaseStudiesNeedWarningsAndConsent() {
        var programme = H.programme(days: [])
        programme.caseStudies = [CaseStudy(id: "cs", sensitivity: "high", consent: "pending", title: "Story")]
        let codes = H.codes(programme)
        #expect(codes.contains("SAF001"))
        #expect(codes.contains("SAF003"))
        #expect(codes.contains("SAF006"))
        #expect(codes.contains("PED008"))
        #expect(codes.contains("PED009"))
    }

    @Test func facilitatorOnlyContentMarkedForParticipantsIsAnError() {
        var item = H.item("a", .input, "PT30M")
        item.facilitatorNotes = RichText(blocks: [.paragraph([.text("Secret plan")])], audience: .participant)
        #expect(H.codes(H.programme(days: [Day(number: 1, agenda: [item])])).contains("EXP001"))
    }

    /// The checks read participant text through the participant view: an instrument or a summary withheld from
    /// participants is not participant text.
    @Test func personalDataIsReportedOnlyInTextTheParticipantViewShows() {
        let question = Question(id: "q1", type: "open", text: Label("Write to ana.ruiz@example.org"))
        var programme = H.programme(days: [Day(number: 1, agenda: [H.item("a", .input, "PT30M")])])
        programme.sessions[0].evaluation = [Instrument(id: "ev", kind: "post", title: "Form", questions: [question])]
        #expect(H.codes(programme).contains("SAF004"))
        programme.sessions[0].evaluation[0].audience = .facilitator
        #expect(!H.codes(programme).contains("SAF004"))
        programme.sessions[0].summary = RichText(
            blocks: [.paragraph([.text("Call ana.ruiz@example.org")])], audience: .facilitator)
        #expect(!H.codes(programme).contains("SAF004"))
        programme.sessions[0].summary?.audience = nil
        #expect(H.codes(programme).contains("SAF004"))
    }

    @Test func didYouMeanFindsCloseNamesOnly() {
        #expect(Suggestions.closest(to: "itme", among: ["item", "use", "title"]) == "item")
        #expect(Suggestions.closest(to: "zzzz", among: ["item", "use"]) == nil)
    }
}
