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

    @Test func personalDataIsFoundWithoutFlaggingYears() {
        #expect(PersonalData.first(in: "Call +32 2 123 45 67 after the session")?.contains("telephone") == true)
        #expect(PersonalData.first(in: "Write to jane.doe@city.example.eu")?.contains("e-mail") == true)
        #expect(PersonalData.first(in: "Between 2015 2016 2017 2018 the city grew") == nil)
        #expect(PersonalData.first(in: "Groups of 4 to 6 for 45 minutes") == nil)
    }

    @Test func secretsAreFound() {
        #expect(Secrets.first(in: "wifi password: Sunshine2027") == "a password")
        #expect(Secrets.first(in: "-----BEGIN RSA PRIVATE KEY-----") == "a private key")
        #expect(Secrets.first(in: "Keep your password safe") == nil)
        #expect(Secrets.mayContainSecret("Le MOT DE PASSE : Soleil2027"), "keywords are found in any case")
        #expect(Secrets.mayContainSecret("API_Key=0123456789abcdef"))
        #expect(!Secrets.mayContainSecret("Horaires : 9 h à 17 h"), "a colon without a keyword is not enough")
    }

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

    @Test func didYouMeanFindsCloseNamesOnly() {
        #expect(Suggestions.closest(to: "itme", among: ["item", "use", "title"]) == "item")
        #expect(Suggestions.closest(to: "zzzz", among: ["item", "use"]) == nil)
    }
}

@Suite struct RuleCatalogueTests {
    @Test func hasAtLeastFortyRulesCoveringEveryFamily() {
        #expect(RuleCatalogue.all.count >= 40)
        for family in RuleFamily.allCases { #expect(RuleCatalogue.all.contains { $0.family == family }, "\(family)") }
    }

    @Test func everyCodeHasOneDescriptorWithAnExplanation() {
        #expect(Set(RuleCatalogue.all.map(\.code)) == Set(RuleCode.allCases))
        for rule in RuleCatalogue.all {
            #expect(!rule.explanation.isEmpty && !rule.title.isEmpty, "\(rule.code)")
            #expect(rule.code.rawValue.hasPrefix(rule.family.codePrefix), "\(rule.code) is in family \(rule.family)")
        }
    }
}
