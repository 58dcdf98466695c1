import Foundation
import Testing

/// Runs the built `curriculum` binary the way a user or a CI job does, and captures what it printed.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The JSON printed on standard output.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(300))")
        }

        /// The diagnostics of a `--format json` run, as (code, file, line) triples.
        func diagnostics() throws -> [(code: String, path: String, line: Int, message: String)] {
            let list = try #require(try json()["diagnostics"] as? [[String: Any]])
            return list.map { item in
                let location = item["location"] as? [String: Any]
                return (
                    item["code"] as? String ?? "", location?["path"] as? String ?? "", location?["line"] as? Int ?? 0,
                    item["message"] as? String ?? ""
                )
            }
        }
    }

    /// The package folder (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: `CURRICULUM_BIN`, or the debug build beside the tests.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CURRICULUM_BIN"], !path.isEmpty { return path }
        return packageRoot.appendingPathComponent(".build/debug/curriculum").path
    }

    /// The fixtures folder of the end-to-end tests.
    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").appendingPathComponent(relative).path
    }

    /// How long one run may take before it counts as hung: `CURRICULUM_TEST_TIME_LIMIT` seconds, else 120.
    ///
    /// This is not a speed check (timing belongs in `make bench`): it turns a hung process into a failing test
    /// that names the command, instead of a suite that never ends.
    static let timeLimit: Double = {
        let text = ProcessInfo.processInfo.environment["CURRICULUM_TEST_TIME_LIMIT"] ?? ""
        return Double(text).flatMap { $0 > 0 ? $0 : nil } ?? 120
    }()

    /// Runs the binary (or another program) with arguments, in a folder, with extra environment.
    ///
    /// A run that outlives `timeLimit` is interrupted (then killed two seconds later) and recorded as a test
    /// failure that shows the command line; its result carries what it printed until then.
    static func run(
        _ arguments: [String], in folder: String? = nil, environment: [String: String] = [:], executable: String? = nil,
        timeLimit: Double = CLI.timeLimit
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder ?? packageRoot.path)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Watchdog(process: process, limit: timeLimit)
        // Drain both pipes while the process runs, so a large output cannot fill a pipe and block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        watchdog.disarm()
        group.wait()
        if watchdog.fired {
            let command = ([executable ?? binary] + arguments).map(Self.quoted).joined(separator: " ")
            Issue.record("hung: no exit within \(timeLimit) s, so it was stopped: \(command)")
        }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A command-line word as a shell would need it, for failure messages.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curriculumkit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
