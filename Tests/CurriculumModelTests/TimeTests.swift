import CurriculumModel
import Testing

@Suite struct ISODurationTests {
    @Test(arguments: [
        ("PT45M", 45), ("PT1H30M", 90), ("PT1H", 60), ("P1D", 1440), ("P2W", 20160), ("P1DT2H", 1560), ("PT90S", 1),
        ("PT0M", 0),
    ])
    func parsesTheSubsetCurriculaUse(text: String, minutes: Int) {
        #expect(ISODuration(text)?.minutes == minutes)
    }

    @Test(arguments: [
        "45", "00:30", "3 weeks", "P", "PT", "P1Y", "P1M", "PT1M1H", "pt45m", "PT45", "P1DT", "PT-5M", "PT99999999999M",
        "",
    ])
    func refusesEverythingElse(text: String) {
        #expect(ISODuration(text) == nil)
    }

    @Test(arguments: [(0, "PT0M"), (45, "PT45M"), (60, "PT1H"), (95, "PT1H35M"), (1440, "P1D"), (1500, "P1DT1H")])
    func printsCanonicalText(minutes: Int, text: String) {
        #expect(ISODuration(minutes: minutes).description == text)
        #expect(ISODuration(text)?.minutes == minutes)
    }

    @Test func readsAsHoursAndMinutes() {
        #expect(ISODuration(minutes: 95).humanReadable == "1 h 35 min")
        #expect(ISODuration(minutes: 120).humanReadable == "2 h")
        #expect(ISODuration(minutes: 5).humanReadable == "5 min")
    }
}

@Suite struct ClockTimeTests {
    @Test func parsesTwentyFourHourTimes() {
        #expect(ClockTime("09:05")?.minutes == 545)
        #expect(ClockTime("23:59")?.minutes == 1439)
        for bad in ["9:00", "24:00", "12:60", "9am", "", "12:00:00"] { #expect(ClockTime(bad) == nil, "\(bad)") }
    }

    @Test func printsTimesPastMidnightWithADayMarker() {
        #expect(ClockTime(minutes: 17 * 60 + 30).description == "17:30")
        #expect(ClockTime(minutes: 24 * 60 + 30).description == "00:30+1")
    }
}

@Suite struct PathArithmeticTests {
    @Test(arguments: [
        ("modules", "a.xml", "modules/a.xml"), ("modules", "../a.xml", "a.xml"), ("", "./x/../y.md", "y.md"),
        ("a", "../../b.xml", "../b.xml"), ("a/b", "c//d.xml", "a/b/c/d.xml"), ("a", "b/./c.md", "a/b/c.md"),
        ("a", ".hidden/c.md", "a/.hidden/c.md"), ("a", "b/", "a/b"), ("", "/b.md", "b.md"),
        ("a", "b..c.md", "a/b..c.md"),
    ])
    func joinsAndNormalises(directory: String, relative: String, expected: String) {
        #expect(PathArithmetic.join(directory, relative) == expected)
    }

    @Test func knowsWhenAPathEscapes() {
        #expect(PathArithmetic.staysInside("a/b.xml"))
        #expect(!PathArithmetic.staysInside("../b.xml"))
        #expect(!PathArithmetic.staysInside(".."))
    }
}
