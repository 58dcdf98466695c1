import CurriculumPluginKit
import Foundation
import Synchronization
import Testing

@testable import CurriculumKit

/// A long-lived plugin conversation: one process for every request of a plugin that speaks protocol 1.2, one per
/// request for older ones, and after a failure a clear error for that request and a new process for the next.
@Suite struct PluginSessionTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures/plugins/exporters/serves-many.sh").path

    /// A folder with a wrapper that runs the fixture exporter (which notes every request in served.log there).
    private func exporter(mode: String) throws -> (PluginSpec, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let wrapper = folder.appendingPathComponent("many.sh")
        try "#!/bin/sh\nTMPDIR='\(folder.path)' exec '\(Self.fixture)' \(mode)\n".write(
            to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        return (PluginSpec(name: "many", executable: wrapper.path), folder)
    }

    private func export(_ session: String, through plugin: PluginSession) async throws(PluginFailure) -> String {
        let params = Data(#"{"format":"many","options":{},"root":"/x","sessions":["\#(session)"]}"#.utf8)
        let reply = try await plugin.request(method: "export", encodedParams: params, as: ExportResult.self)
        return reply.result.artifacts.first?.text ?? ""
    }

    /// The process ids in served.log, one per request served.
    private func processes(in folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("served.log"), encoding: .utf8)
            .split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    @Test func oneProcessServesEveryRequestOfA12Plugin() async throws {
        let (spec, folder) = try exporter(mode: "remembers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Counter()
        let plugin = PluginSession(spec: spec) { _ in started.add() }
        #expect(try await export("s1", through: plugin) == "s1 1\n")
        #expect(try await export("s2", through: plugin) == "s2 2\n")
        #expect(try await export("s3", through: plugin) == "s3 3\n")
        await plugin.shutdown()
        #expect(Set(try processes(in: folder)).count == 1)
        #expect(started.value == 1)
    }

    @Test func requestsMadeTogetherAreAnsweredInOneProcess() async throws {
        let (spec, folder) = try exporter(mode: "1.2")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = PluginSession(spec: spec)
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for session in ["a", "b", "c", "d"] { group.addTask { try await export(session, through: plugin) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await plugin.shutdown()
        #expect(answers.sorted() == ["a\n", "b\n", "c\n", "d\n"])
        #expect(Set(try processes(in: folder)).count == 1)
    }

    @Test func anOlderPluginGetsOneProcessPerRequest() async throws {
        let (spec, folder) = try exporter(mode: "1.1")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = PluginSession(spec: spec)
        for session in ["s1", "s2", "s3"] { #expect(try await export(session, through: plugin) == "\(session)\n") }
        await plugin.shutdown()
        #expect(Set(try processes(in: folder)).count == 3)
    }

    @Test func aCrashFailsThatRequestNamingThePluginAndTheNextStartsAgain() async throws {
        let (spec, folder) = try exporter(mode: "crash-second")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Counter()
        let plugin = PluginSession(spec: spec) { _ in started.add() }
        #expect(try await export("s1", through: plugin) == "s1\n")
        do {
            _ = try await export("s2", through: plugin)
            Issue.record("the crash was not reported")
        } catch {
            #expect(error.plugin == "many")
            #expect("\(error)".contains("exited with status 7"), "\(error)")
        }
        #expect(try await export("s3", through: plugin) == "s3\n")
        await plugin.shutdown()
        #expect(started.value == 2)
        #expect(Set(try processes(in: folder)).count == 2)
    }

    /// `pack` starts its exporters before it has their requests: the process started then answers them.
    @Test func aSessionStartedBeforeItsFirstRequestAnswersItInTheProcessItStarted() async throws {
        let (spec, folder) = try exporter(mode: "remembers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Counter()
        let (starts, announce) = AsyncStream<pid_t>.makeStream()
        let plugin = PluginSession(spec: spec) { pid in
            started.add()
            announce.yield(pid)
        }
        plugin.start()
        plugin.start()
        // The process starts with no request waiting.
        var announced = starts.makeAsyncIterator()
        #expect(await announced.next() != nil)
        #expect(try await export("s1", through: plugin) == "s1 1\n")
        #expect(try await export("s2", through: plugin) == "s2 2\n")
        await plugin.shutdown()
        #expect(started.value == 1)
        #expect(Set(try processes(in: folder)).count == 1)
    }

    /// A session started and never asked anything shuts down cleanly; a plugin that cannot start fails its first
    /// request, not the start.
    @Test func aStartedSessionWithoutRequestsShutsDownAndAFailedStartFailsTheFirstRequest() async throws {
        let (spec, folder) = try exporter(mode: "remembers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let idle = PluginSession(spec: spec)
        idle.start()
        await idle.shutdown()
        #expect((try? processes(in: folder)) == nil, "no request was served")
        let missing = PluginSession(spec: PluginSpec(name: "gone", executable: "/nonexistent/plugin"))
        missing.start()
        await #expect(throws: PluginFailure.self) { _ = try await export("s1", through: missing) }
    }

    @Test func aMissingPluginIsAClearErrorEveryTime() async throws {
        let plugin = PluginSession(spec: PluginSpec(name: "gone", executable: "/nonexistent/plugin"))
        for _ in 0..<2 {
            await #expect(throws: PluginFailure.self) { _ = try await export("s1", through: plugin) }
        }
    }
}

/// A count several tasks add to.
final class Counter: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}
