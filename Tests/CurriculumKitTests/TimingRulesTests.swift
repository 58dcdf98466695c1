import CurriculumModel
import Testing

@testable import CurriculumKit

@Suite struct TimingRulesTests {
    typealias H = RuleHarness

    @Test func ninetyMinutesWithoutABreakIsFineNinetyOneIsNot() {
        let fine = H.programme(days: [
            Day(
                number: 1,
                agenda: [H.item("a", .input, "PT45M"), H.item("b", .exercise, "PT45M"), H.item("c", .break, "PT15M")])
        ])
        #expect(!H.codes(fine).contains("TIM005"))
        let tiring = H.programme(days: [
            Day(number: 1, agenda: [H.item("a", .input, "PT45M"), H.item("b", .plenary, "PT46M")])
        ])
        let finding = H.findings(tiring).first { $0.code == "TIM005" }
        #expect(finding?.message == "day 1 of session \"s1\" runs 1 h 31 min without a break, from \"a\" to \"b\"")
    }

    @Test func aDayThatOverrunsSaysByHowMuch() {
        let day = Day(
            number: 1, nominalStart: "09:00", ends: "10:00",
            agenda: [H.item("a", .input, "PT45M"), H.item("b", .break, "PT30M")])
        let finding = H.findings(H.programme(days: [day])).first { $0.code == "TIM003" }
        #expect(finding?.message == "day 1 of session \"s1\" runs from 09:00 to 10:15, 15 min past its end at 10:00")
    }

    @Test func aDayEndingMuchEarlierThanDeclaredIsReported() {
        let day = Day(number: 1, nominalStart: "09:00", ends: "12:00", agenda: [H.item("a", .input, "PT45M")])
        #expect(H.codes(H.programme(days: [day])).contains("TIM010"))
    }

    @Test(arguments: [("45", "PT45M"), ("00:30", "PT30M"), ("1:15", "PT1H15M")])
    func suggestsTheISOFormOfCommonMistakes(value: String, suggestion: String) {
        #expect(InvalidDuration.suggestion(for: value)?.contains(suggestion) == true)
    }

    @Test func minAndMaxMustBracketTheDuration() {
        var item = H.item("a", .input, "PT30M")
        item.minDuration = "PT40M"
        #expect(H.codes(H.programme(days: [Day(number: 1, agenda: [item])])).contains("TIM006"))
    }

    @Test func sessionsMayShareADateWhenTheirTimesDoNotOverlap() {
        var programme = H.programme(days: [Day(number: 1, agenda: [H.item("a", .input, "PT30M")])])
        programme.deliveries = [
            Delivery(
                id: "d", programme: "p", timezone: "Europe/Paris",
                runs: [
                    SessionRun(session: "s1", date: "2024-05-14", dayStart: "09:00"),
                    SessionRun(session: "s1", date: "2024-05-14", dayStart: "14:00"),
                ])
        ]
        #expect(!H.codes(programme).contains("TIM007"))
    }

    @Test func deliveriesNeedKnownZonesSessionsAndOrderedDates() {
        var programme = H.programme(days: [Day(number: 1, agenda: [H.item("a", .input, "PT30M")])])
        programme.deliveries = [
            Delivery(
                id: "d", programme: "p", timezone: "Europe/Brusels",
                runs: [
                    SessionRun(session: "s1", date: "2027-03-09"),
                    SessionRun(session: "s1", date: "2027-03-09", dayStart: "09:15"),
                    SessionRun(session: "s9", date: "2027-04-01"), SessionRun(session: "s1", date: "2027-02-30"),
                ])
        ]
        let findings = H.findings(programme)
        #expect(findings.contains { $0.code == "TIM008" && $0.hint == "Did you mean \"Europe/Brussels\"?" })
        #expect(
            findings.contains {
                $0.code == "TIM007"
                    && $0.message.contains("on 2027-03-09 starts at 09:15, before the run of \"s1\" ends at 09:30")
            })
        #expect(findings.contains { $0.code == "TIM009" && $0.message.contains("\"s9\"") })
        #expect(findings.contains { $0.code == "TIM007" && $0.message.contains("2027-02-30") })
    }
}

@Suite struct TimetableTests {
    @Test func usesTheDeliveryStartDatesAndOverrides() throws {
        let session = Session(
            id: "s1", declaredDays: 2, title: "S",
            days: [
                Day(
                    number: 1, nominalStart: "09:00",
                    agenda: [RuleHarness.item("a", .input, "PT1H"), RuleHarness.item("b", .break, "PT15M")]),
                Day(number: 2, nominalStart: "09:00", agenda: [RuleHarness.item("c", .input, "PT30M")]),
            ])
        let delivery = Delivery(
            id: "d", programme: "p", timezone: "Europe/Brussels",
            runs: [
                SessionRun(
                    session: "s1", date: "2027-02-28", dayStart: "08:30", days: [DayOverride(number: 2, start: "10:00")]
                )
            ])
        let timetable = Timetable(session: session, delivery: delivery)
        #expect(timetable.days[0].date == "2027-02-28")
        #expect(timetable.days[1].date == "2027-03-01", "the second day follows the first across the month end")
        #expect(timetable.days[0].slots.map { "\($0.start)-\($0.end)" } == ["08:30-09:30", "09:30-09:45"])
        #expect(timetable.days[1].start.description == "10:00")
        #expect(timetable.timezone == "Europe/Brussels")
    }

    @Test func fallsBackToNominalStartThenNineOClock() {
        let session = Session(
            id: "s", declaredDays: 1, title: "S",
            days: [Day(number: 1, agenda: [RuleHarness.item("a", .input, "PT1H")])])
        #expect(Timetable(session: session).days[0].end.description == "10:00")
    }

    @Test func calendarDatesAreValidatedAndAdded() {
        #expect(CalendarDate.components("2027-02-29") == nil)
        #expect(CalendarDate.components("2028-02-29") != nil)
        #expect(CalendarDate.adding(days: 1, to: "2027-12-31") == "2028-01-01")
        #expect(CalendarDate.days(from: "2027-03-01", to: "2027-02-27") == -2)
    }
}
