import Foundation
import Testing

/// The harness every end-to-end test runs the binary through: a hung process fails its test instead of the suite.
@Suite struct CLIHarnessTests {
    @Test func aRunThatOutlivesItsTimeLimitFailsWithItsCommandLine() throws {
        var result: CLI.Result?
        try withKnownIssue {
            result = try CLI.run(["60"], executable: "/bin/sleep", timeLimit: 0.5)
        } matching: { issue in
            String(describing: issue).contains("hung: no exit within 0.5 s, so it was stopped: /bin/sleep 60")
        }
        // Stopped by the watchdog long before sleep's own minute was over: by SIGINT, or by SIGKILL where the test
        // runner's children inherit an ignored SIGINT.
        #expect([SIGINT, SIGKILL].contains(result?.status ?? 0))
    }

    @Test func aRunThatEndsInTimeRecordsNothing() throws {
        let result = try CLI.run(["--version"], timeLimit: 60)
        #expect(result.status == 0)
    }
}
