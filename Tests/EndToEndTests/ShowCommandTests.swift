import Foundation
import Testing

@Suite struct ShowCommandTests {
    @Test func printsTheTimetableWithClockTimes() throws {
        let result = try CLI.run(["show", CLI.fixture("valid/mini.xml"), "--session", "s1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("09:00–09:10  welcome"))
        #expect(
            result.stdout.contains("09:10–10:25  group-work       Drawing the partner map (1 h 15 min)  [m-partners]"))
        #expect(result.stdout.contains("1 h 30 min from 09:00 to 10:30"))
    }

    @Test func overviewListsModulesAndSessions() throws {
        let result = try CLI.run(["show", CLI.fixture("valid")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("m-partners"))
        #expect(result.stdout.contains("Working with partners (1 day)"))
    }

    @Test func unknownSessionListsTheValidOnes() throws {
        let result = try CLI.run(["show", CLI.fixture("valid/mini.xml"), "--session", "s9"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no session \"s9\" in mini; sessions: s1"))
    }

    @Test func aCurriculumWithErrorsIsNotShown() throws {
        let result = try CLI.run(["show", CLI.fixture("bad/day-overrun.xml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("TIM003"))
        #expect(result.stdout.isEmpty)
    }
}
