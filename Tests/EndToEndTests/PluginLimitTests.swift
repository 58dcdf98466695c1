import Foundation
import Testing

/// The limits that hold however a plugin behaves: an overall deadline progress cannot extend, SIGKILL said out
/// loud, a plugin that lingers after answering made visible, and a cap on diagnostics with a summary.
@Suite struct PluginLimitTests {
    @Test func progressDoesNotExtendTheOverallDeadline() throws {
        let (result, folder, _) = try PluginFaultTests.run(
            "progress-forever.sh", timeout: 1, limits: #"{"totalSeconds": 2}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "did not finish within 2 s while handling validate, the overall limit for one request (progress does not extend it)"
            ), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aPluginThatIgnoresSIGTERMIsSaidToHaveNeededSIGKILL() throws {
        let (result, folder, _) = try PluginFaultTests.run("ignores-sigterm.sh", timeout: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3)
        #expect(result.stderr.contains("It ignored SIGTERM and was killed with SIGKILL"), "\(result.stderr)")
    }

    @Test func aPluginThatStopsOnSIGTERMIsNotSaidToNeedSIGKILL() throws {
        let (result, folder, _) = try PluginFaultTests.run("hangs-after-reading.sh", timeout: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3)
        #expect(!result.stderr.contains("SIGKILL"), "\(result.stderr)")
    }

    @Test func aPluginThatDoesNotExitAfterAnsweringIsNamedInAWarning() throws {
        let (result, folder, _) = try PluginFaultTests.run("lingers-after-answer.sh", timeout: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "fault: warning: it answered but did not exit within 2 s after its input was closed, so it was stopped (it ignored SIGTERM and was killed with SIGKILL)"
            ), "\(result.stderr)")
    }

    @Test func diagnosticsBeyondTheCapAreSummarisedAndTheMostSevereAreKept() throws {
        let (result, folder, _) = try PluginFaultTests.run(
            "many-diagnostics.sh", timeout: 5, limits: #"{"maxDiagnostics": 10}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 1, "the error is kept, so the run still fails: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "many: warning: it reported 31 diagnostics; the 10 most severe are shown and 21 were left out (limits.maxDiagnostics)"
            ), "\(result.stderr)")
        #expect(result.stdout.contains("error[MNY002]: the last one is an error"))
        #expect(result.stdout.contains("note 9 (many)"))
        #expect(!result.stdout.contains("note 10 (many)"))
    }
}
