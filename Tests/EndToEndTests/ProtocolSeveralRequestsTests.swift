import Foundation
import Testing

/// Protocol 1.2: a plugin that answers `protocolMinor` 2 serves several requests, one after the other, in one
/// process, so `pack` starts one exporter process per format instead of one per session and format. A plugin
/// that answers less keeps one process per request, and a fault in any request still ends the run naming the
/// plugin.
@Suite struct ProtocolSeveralRequestsTests {
    static let exporter = CLI.fixture("plugins/exporters/serves-many.sh")

    /// Packs every LIAISE session in the format "many", with the fixture exporter in `mode`.
    static func pack(mode: String) throws -> (CLI.Result, URL) {
        let folder = try CLI.temporaryFolder()
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["\#(exporter)", "\#(mode)"]}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            [
                "pack", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--format", "many", "--config",
                config.path, "--out",
                folder.appendingPathComponent("out").path,
            ], environment: ["TMPDIR": folder.path])
        return (result, folder)
    }

    /// The lines of served.log: process id, request id, session.
    static func served(in folder: URL) throws -> [[String]] {
        try String(contentsOf: folder.appendingPathComponent("served.log"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func aPluginThatSpeaks12ServesEverySessionInOneProcess() throws {
        let (result, folder) = try Self.pack(mode: "1.2")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let served = try Self.served(in: folder)
        #expect(served.map { $0[2] } == ["s1", "s2", "s3", "s4"])
        #expect(Set(served.map { $0[0] }).count == 1, "one process serves every session: \(served)")
        #expect(served.map { $0[1] } == ["2", "3", "4", "5"])
        for session in ["s1", "s2", "s3", "s4"] {
            let file = folder.appendingPathComponent("out/liaise-\(session)/many-\(session).txt")
            #expect(try String(contentsOf: file, encoding: .utf8) == "\(session)\n")
        }
    }

    @Test func aPluginThatSpeaks11GetsOneProcessPerRequest() throws {
        let (result, folder) = try Self.pack(mode: "1.1")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let served = try Self.served(in: folder)
        #expect(Set(served.map { $0[2] }) == ["s1", "s2", "s3", "s4"])
        #expect(Set(served.map { $0[0] }).count == 4, "one process per session: \(served)")
        #expect(served.allSatisfy { $0[1] == "2" })
    }

    @Test func aCrashInTheSecondRequestEndsTheRunNamingThePlugin() throws {
        let (result, folder) = try Self.pack(mode: "crash-second")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("many"), "\(result.stderr)")
        #expect(result.stderr.contains("exited with status 7 while handling export"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/liaise-s1").path))
    }

    /// `plugins check` of the fixture exporter in `mode`, through a wrapper that passes the mode.
    static func check(mode: String) throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrapper = folder.appendingPathComponent("curriculum-plugin-many")
        try "#!/bin/sh\nexec '\(exporter)' \(mode)\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        return try CLI.run(["plugins", "check", wrapper.path], environment: ["TMPDIR": folder.path])
    }

    @Test func pluginsCheckSendsA12ExporterTheSameRequestTwiceInOneProcess() throws {
        let served = try Self.check(mode: "1.2")
        #expect(
            served.stdout.contains(
                "pass  several requests in one process (many): it answered protocolMinor 2 and served the same export twice in one process, the same bytes"
            ), "\(served.stdout)\(served.stderr)")
        let remembers = try Self.check(mode: "remembers")
        #expect(remembers.status == 3)
        #expect(
            remembers.stdout.contains(
                "FAIL  several requests in one process (many): it answered protocolMinor 2, but the second of two identical requests in one process differs in \"many-s1.txt\""
            ), "\(remembers.stdout)\(remembers.stderr)")
        // A plugin that serves one request per process is not asked to serve two.
        let single = try Self.check(mode: "1.1")
        #expect(!single.stdout.contains("several requests in one process"), "\(single.stdout)")
    }
}
