import Foundation
import Testing

/// Misbehaving plugins, each a small fixture run through the real binary: the host names the plugin and what
/// it did, exits with 3 (never 141), prints no partial report, and leaves no process behind.
@Suite struct PluginFaultTests {
    static let cases: [(fixture: String, expected: String)] = [
        ("exits-at-once.sh", "exited with status 3"),
        ("partial-output.sh", "exited with status 2 while answering initialize"),
        ("killed-by-signal.sh", "was killed by signal 11 (SIGSEGV) while handling validate"),
        ("hangs-before-reading.sh", "did not answer within 1 s while answering initialize"),
        ("hangs-after-reading.sh", "did not answer within 1 s while handling validate"),
        ("ignores-sigterm.sh", "did not answer within 1 s while handling validate"),
        ("leaves-background-child.sh", "left processes running after it exited"),
        // The child keeps the pipes open: the host must see the plugin's exit without an end of file.
        ("leaves-child-holding-output.sh", "left processes running after it exited"),
        // Needs the 10 s time-out below: 64 MiB through a debug build.
        ("floods-stdout.sh", "wrote a line longer than the line limit"),
        ("log-on-stdout.sh", "not JSON-RPC on standard output: \"Starting fault plugin v0.0.1...\""),
        ("wrong-shape.sh", "wrong type at result.diagnostics"),
        ("wrong-id.sh", "answered with id 7, but the pending request has id 1"),
        ("two-responses.sh", "sent a second response after answering"),
        ("sends-a-request.sh", "sent a request (readFile); only the core sends requests"),
        ("old-protocol.sh", "speaks plugin protocol version 9, but this curriculum program"),
    ]

    /// Runs `curriculum validate` on the small valid curriculum with one plugin from a configuration file.
    ///
    /// Returns the result, the run's temporary folder (the fixtures write their pids there) and the wall time,
    /// which tests compare only against ``generousBound(_:)``, never against a tight figure.
    static func run(
        _ fixture: String, timeout: Double = 1, limits: String = "{}", curriculum: String = CLI.fixture("valid")
    ) throws -> (CLI.Result, URL, Double) {
        let folder = try CLI.temporaryFolder()
        let config = folder.appendingPathComponent("curriculum.json")
        let command = CLI.fixture("plugins/faults/" + fixture)
        try #"{"plugins": [{"command": ["\#(command)"], "timeoutSeconds": \#(timeout), "limits": \#(limits)}]}"#
            .write(to: config, atomically: true, encoding: .utf8)
        let start = Date()
        let result = try CLI.run(
            ["validate", curriculum, "--config", config.path], environment: ["TMPDIR": folder.path])
        return (result, folder, Date().timeIntervalSince(start))
    }

    /// Ten times a configured time-out: long enough for a loaded machine, short enough to show the time-out fired
    /// rather than some other, longer wait. Speed itself is measured in `make bench`.
    static func generousBound(_ timeout: Double) -> Double { 10 * timeout }

    /// Working folders are removed after the call returns, off its path: whatever is still queued must be gone by
    /// the time the command exits.
    @Test func aPluginsWorkingFolderIsGoneWhenTheCommandExits() throws {
        let folder = try CLI.temporaryFolder()
        let temporary = try CLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: temporary)
        }
        let config = folder.appendingPathComponent("curriculum.json")
        let plugin = CLI.fixture("plugins/answers/answers.sh")
        try #"{"plugins": [{"command": ["\#(plugin)", "fine"]}]}"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["validate", CLI.fixture("valid"), "--config", config.path], environment: ["TMPDIR": temporary.path])
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter {
            $0.hasPrefix("curriculum-plugin-")
        }
        #expect(left.isEmpty, "working folders left behind: \(left)")
    }

    @Test(arguments: cases)
    func faultyPluginIsReportedAndCleanedUp(fixture: String, expected: String) throws {
        let (result, folder, _) = try Self.run(fixture, timeout: fixture == "floods-stdout.sh" ? 10 : 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(fixture): \(result.stderr)")
        #expect(result.status != 141)
        #expect(result.stderr.contains("plugin \""), "the message names the plugin")
        #expect(result.stderr.contains(expected), "\(fixture): \(result.stderr)")
        #expect(result.stdout.isEmpty, "no partial report on a plugin failure")
        for file in ["fault.pid", "fault.child"] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            #expect(!Self.isRunning(pid), "\(fixture): process \(pid) is still running")
        }
    }

    /// Whether a process exists and is not a zombie waiting for init to reap it.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    @Test func aTimedOutPluginIsSentCancelAndEndOfInputBeforeAnySignal() throws {
        let (result, folder, _) = try Self.run("honours-cancel.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3)
        #expect(result.stderr.contains("did not answer within 1 s while handling validate"))
        let cancel = try String(contentsOf: folder.appendingPathComponent("fault.cancelled"), encoding: .utf8)
        #expect(cancel.contains(#""method":"$/cancel","params":{"id":2}"#))
    }

    @Test func lineLimitIsConfigurablePerPlugin() throws {
        let (result, folder, _) = try Self.run(
            "floods-stdout.sh", timeout: 120, limits: #"{"maxLineMegabytes": 1}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3)
        // The 1 MiB limit, not the 120 s time-out, is what stopped the flood.
        #expect(result.stderr.contains("wrote a line longer than the line limit"), "\(result.stderr)")
        #expect(!result.stderr.contains("did not answer within"))
    }

    @Test func stderrTailIsShownWithTheFailure() throws {
        let (result, folder, _) = try Self.run("killed-by-signal.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.stderr.contains("its standard error ended with:\n    | fault: about to die"))
    }

    @Test func aHungPluginThatIgnoresSIGTERMIsKilledAfterItsTimeout() throws {
        let (result, folder, elapsed) = try Self.run("ignores-sigterm.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3)
        #expect(result.stderr.contains("did not answer within 1 s while handling validate"), "\(result.stderr)")
        let pid = try #require(
            pid_t(
                String(contentsOf: folder.appendingPathComponent("fault.pid"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!Self.isRunning(pid), "the plugin survived SIGTERM and SIGKILL")
        // Only proves that the 1 s time-out ended the run, not some later, longer wait.
        #expect(elapsed < Self.generousBound(1), "took \(elapsed) s")
    }

    @Test func pluginThatExitsWithoutReadingALargeRequestDoesNotKillTheHost() throws {
        let (result, folder, _) = try Self.run(
            "exits-at-once.sh", curriculum: CLI.packageRoot.appendingPathComponent("Curricula/liaise").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("exited with status 3"))
    }

    @Test func floodOfStandardErrorWhileAnsweringIsFine() throws {
        let (result, folder, _) = try Self.run("floods-stderr.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("warning[FLD001]: answered after a flood of logs (fault)"))
    }

    @Test func largeRequestAndLargeResponseAtOnceDoNotDeadlock() throws {
        let (result, folder, _) = try Self.run(
            "large-request-and-response.py", timeout: 20, limits: #"{"maxDiagnostics": 50000}"#,
            curriculum: CLI.packageRoot.appendingPathComponent("Curricula/liaise").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        // Warnings, if any, are LIAISE's sessions not yet given in French (LNG002).
        #expect(
            result.stdout.range(of: #"0 errors, [0-9]+ warnings?, 2000"#, options: .regularExpression) != nil,
            "\(result.stdout.suffix(200))")
    }

    @Test func ctrlCStopsTheRunningPluginsProcessGroup() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        try
            #"{"plugins": [{"command": ["\#(CLI.fixture("plugins/faults/hangs-after-reading.sh"))"], "timeoutSeconds": 60}]}"#
            .write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["validate", CLI.fixture("valid"), "--config", config.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": folder.path]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = Watchdog(process: process, limit: CLI.timeLimit)
        defer { watchdog.disarm() }
        let pidFile = folder.appendingPathComponent("fault.pid")
        // Waits for the plugin to start (at most the time limit of a run), then for it to read its request.
        for _ in 0..<Int(CLI.timeLimit * 20) where !FileManager.default.fileExists(atPath: pidFile.path) {
            usleep(50_000)
        }
        usleep(200_000)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let pid = try #require(
            pid_t(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The host stops the group before it exits; the kernel may take a moment to reap it.
        for _ in 0..<100 where Self.isRunning(pid) { usleep(50_000) }
        #expect(!Self.isRunning(pid), "the plugin outlived Ctrl-C")
    }

    @Test func aScriptArgumentInTheConfigurationIsFoundBesideTheConfiguration() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("tools"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.fixture("plugins/faults/floods-stderr.sh"),
            toPath: folder.appendingPathComponent("tools/check.sh").path)
        try FileManager.default.copyItem(
            atPath: CLI.fixture("plugins/faults/lib.sh"), toPath: folder.appendingPathComponent("tools/lib.sh").path)
        try #"{"plugins": [{"command": ["/bin/sh", "tools/check.sh"]}]}"#.write(
            to: folder.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["validate", CLI.fixture("valid"), "--config", folder.appendingPathComponent("curriculum.json").path],
            environment: ["TMPDIR": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FLD001"))
    }

    @Test func aConfiguredProgramThatCannotRunIsAConfigurationErrorWithExit2() throws {
        let (result, folder, _) = try Self.run("not-executable.sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("plugins[0].command names"), "\(result.stderr)")
        #expect(result.stderr.contains("which is not an executable file"), "\(result.stderr)")
        let missing = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: missing) }
        let config = missing.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["no-such-program-anywhere"]}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let absent = try CLI.run(["validate", CLI.fixture("valid"), "--config", config.path])
        #expect(absent.status == 2, "\(absent.stderr)")
        #expect(absent.stderr.contains(#"names the program "no-such-program-anywhere", which is not on PATH"#))
    }

    @Test(arguments: [
        (#""limits": {"maxLineMegabytes": 0}"#, "plugins[0].limits.maxLineMegabytes is 0; a limit must be above 0"),
        (#""limits": {"stderrKilobytes": -5}"#, "plugins[0].limits.stderrKilobytes is -5"),
        (#""timeoutSeconds": 0"#, "plugins[0].timeoutSeconds is 0; it must be a number of seconds above 0"),
        (#""timeoutSeconds": 1e300"#, "plugins[0].timeoutSeconds is"),
    ])
    func aLimitThatCannotWorkIsRefusedWithExit2(setting: String, expected: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("curriculum.json")
        let command = CLI.fixture("plugins/faults/exits-at-once.sh")
        try #"{"plugins": [{"command": ["\#(command)"], \#(setting)}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        for arguments in [
            ["validate", CLI.fixture("valid"), "--config", config.path],
            ["plugins", "list", "--config", config.path],
            ["pack", CLI.fixture("valid/mini.xml"), "--config", config.path, "--out", folder.path + "/packs"],
        ] {
            let result = try CLI.run(arguments, environment: ["TMPDIR": folder.path])
            #expect(result.status == 2, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(arguments[0]): \(result.stderr)")
        }
    }

    @Test func unknownPluginNameIsAToolFailure() throws {
        let result = try CLI.run(["validate", CLI.fixture("valid"), "--plugin", "no-such-plugin"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("plugin \"no-such-plugin\" was not found"))
    }
}
