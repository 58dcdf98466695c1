import Testing

@testable import CurriculumImportKit

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("PT45M", "PT45M"), ("pt1h30m", "PT1H30M"), ("PT90M", "PT1H30M"), ("1:30", "PT1H30M"),
        ("00:45:00", "PT45M"), ("45 min", "PT45M"), ("45 minutes", "PT45M"), ("1 hour", "PT1H"),
        ("1.5 hours", "PT1H30M"), ("1,5 h", "PT1H30M"), ("1h30", "PT1H30M"), ("1h 30m", "PT1H30M"),
        ("90m", "PT1H30M"), ("2 hours 15 minutes", "PT2H15M"), ("an hour and a half", "PT1H30M"),
        ("half an hour", "PT30M"), ("about 20 minutes", "PT20M"), ("45'", "PT45M"),
    ])
    func readsDurationsWrittenInTheWild(text: String, expected: String) {
        #expect(DurationText.isoDuration(text) == expected)
    }

    @Test(arguments: ["45", "TBD", "half a day", "2 days", "3 weeks", "", "PT0M", "1-2 hours", "0:75", "PTXM"])
    func refusesWhatCannotBePlacedOnAnAgenda(text: String) {
        #expect(DurationText.isoDuration(text) == nil)
    }
}
