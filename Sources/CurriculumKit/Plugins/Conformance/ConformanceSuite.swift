import CurriculumModel
import CurriculumPluginKit
import Foundation

/// The result of one conformance check.
public struct ConformanceCheck: Sendable {
    public var name: String
    public var passed: Bool
    /// What was observed, or what is wrong and how to fix it.
    public var detail: String
}

/// `curriculum plugins check`: runs a plugin through the cases a conformant plugin must handle, each in a fresh
/// process, and says what it got wrong.
public struct ConformanceSuite: Sendable {
    public var spec: PluginSpec
    /// A folder with the author's own curriculum and `expected.json` (see `docs/protocol.md`), used instead of
    /// the built-in sample; its findings or artifacts must be exactly those expected.
    public var fixture: String?
    /// A folder to write the exact requests the suite sends into (`initialize.json`, `validate.json`,
    /// `export-FORMAT.json`), one JSON-RPC line each.
    public var dumpFolder: String?

    /// Creates a suite for one plugin.
    public init(spec: PluginSpec, fixture: String? = nil, dumpFolder: String? = nil) {
        var spec = spec
        spec.limits.handshakeTimeout = .seconds(10)
        spec.limits.requestTimeout = .seconds(30)
        self.spec = spec
        self.fixture = fixture
        self.dumpFolder = dumpFolder
    }

    /// The curriculum the requests carry: the fixture's, or the built-in sample.
    private struct Subject: Sendable {
        var curriculum: Curriculum
        var root: String
        var fixture: PluginFixture?
    }

    /// Runs every check; stops early only when the handshake itself fails.
    ///
    /// - Throws: ``CurriculumError`` (usage) when the fixture or the dump folder cannot be used.
    public func run() async throws(CurriculumError) -> [ConformanceCheck] {
        let loaded = try fixture.map { folder throws(CurriculumError) in try PluginFixture.load(folder) }
        let subject = Subject(
            curriculum: loaded?.curriculum ?? SampleCurriculum.model, root: loaded?.root.path ?? NSTemporaryDirectory(),
            fixture: loaded)
        var checks: [ConformanceCheck] = []
        let handshake: InitializeResult
        do {
            handshake = try await PluginHost().handshake(spec)
            let summary = handshake.capabilities.summary
            var problems: [String] = []
            if handshake.plugin.name.isEmpty { problems.append("plugin.name is empty") }
            if handshake.plugin.version.isEmpty { problems.append("plugin.version is empty") }
            if summary.isEmpty { problems.append("capabilities lists nothing") }
            checks.append(
                ConformanceCheck(
                    name: "handshake", passed: problems.isEmpty,
                    detail: problems.isEmpty
                        ? "\(handshake.plugin.name) \(handshake.plugin.version), protocol \(handshake.protocolVersion), \(summary.joined(separator: ", ")); exited cleanly at end of input"
                        : problems.joined(separator: "; ")))
        } catch {
            checks.append(ConformanceCheck(name: "handshake", passed: false, detail: error.description))
            return checks
        }
        checks.append(await versionRefusal())
        checks.append(await unknownMethod())
        checks.append(await malformedRequest(handshake))
        checks.append(await endOfInput())
        try dumpRequests(handshake, subject: subject)
        if handshake.capabilities.validate != nil { checks += await diagnosticsShape(handshake, subject: subject) }
        if let export = handshake.capabilities.export {
            for format in export.formats {
                checks += await artifactPaths(format: format, subject: subject)
                if (handshake.protocolMinor ?? 0) >= 2 {
                    checks.append(await severalRequests(format: format, subject: subject))
                }
            }
        }
        return checks
    }

    // MARK: - Requests

    private func validateParams(_ subject: Subject) -> ValidateParams {
        ValidateParams(curriculum: subject.curriculum, root: subject.root, options: spec.options)
    }

    private func exportParams(_ subject: Subject, format: String) -> ExportParams {
        let session = subject.curriculum.sessions.first?.id ?? "s1"
        return ExportParams(
            curriculum: subject.curriculum, root: subject.root, format: format, sessions: [session],
            delivery: subject.curriculum.deliveries.first { $0.run(of: session) != nil }, options: spec.options)
    }

    /// Writes the exact request lines the checks send, so an author can replay them by hand.
    private func dumpRequests(_ handshake: InitializeResult, subject: Subject) throws(CurriculumError) {
        guard let dumpFolder else { return }
        do {
            try FileManager.default.createDirectory(atPath: dumpFolder, withIntermediateDirectories: true)
        } catch {
            throw CurriculumError(.usage, "--dump-requests \(dumpFolder): \(error.localizedDescription)")
        }
        var files: [(String, Data)] = [
            (
                "initialize.json",
                PluginHost.initializeRequest(offered: PluginProtocol.supportedVersions, spec: spec)
            )
        ]
        if handshake.capabilities.validate != nil {
            files.append(
                (
                    "validate.json",
                    PluginHost.encodeRequest(
                        id: 2, method: PluginProtocol.Method.validate, params: validateParams(subject))
                ))
        }
        for format in handshake.capabilities.export?.formats ?? [] {
            guard ArtifactPath.problem(with: format) == nil, !format.contains("/") else { continue }
            files.append(
                (
                    "export-\(format).json",
                    PluginHost.encodeRequest(
                        id: 2, method: PluginProtocol.Method.export, params: exportParams(subject, format: format))
                ))
        }
        for (name, data) in files {
            guard FileManager.default.createFile(atPath: dumpFolder + "/" + name, contents: data + Data([0x0A])) else {
                throw CurriculumError(.usage, "--dump-requests \(dumpFolder): cannot write \(name)")
            }
        }
    }

    // MARK: - Checks

    private func versionRefusal() async -> ConformanceCheck {
        let name = "version refusal"
        let outcome = await PluginProcess.run(spec) { channel -> String? in
            guard await channel.send(Self.initialize(versions: [999]), within: .seconds(10)) else {
                return "it stopped reading before the handshake"
            }
            guard case .message(let envelope, _) = await channel.next(within: .seconds(10)) else {
                return "expected error -32022 for protocol version 999, got no answer"
            }
            guard let error = envelope.error, error.code == PluginProtocol.ErrorCode.unsupportedProtocolVersion else {
                return "expected error -32022 when offered only protocol version 999, got \(Self.describe(envelope))"
            }
            guard case .object(let data) = error.data, case .array(let supported) = data["supported"],
                !supported.isEmpty,
                supported.allSatisfy({ $0.numberValue.map { $0 == $0.rounded() } ?? false })
            else { return "the -32022 error must carry data.supported, a list of integers" }
            return nil
        }
        if let problem = outcome.value ?? nil { return ConformanceCheck(name: name, passed: false, detail: problem) }
        return ConformanceCheck(name: name, passed: true, detail: "answered -32022 with the versions it supports")
    }

    private func unknownMethod() async -> ConformanceCheck {
        let name = "unknown method"
        let outcome = await PluginProcess.run(spec) { channel -> String? in
            guard await Self.handshake(&channel) else { return "the handshake failed" }
            _ = await channel.send(
                Self.line(#"{"jsonrpc":"2.0","id":2,"method":"curriculum/no-such-method","params":{}}"#),
                within: .seconds(10))
            let answer = await Self.nextResponse(&channel)
            guard let envelope = answer, envelope.id == .number(2),
                envelope.error?.code == PluginProtocol.ErrorCode.methodNotFound
            else {
                return "expected error -32601 with id 2, got \(answer.map(Self.describe) ?? "no answer")"
            }
            return nil
        }
        return Self.check(name, outcome, passed: "answered -32601")
    }

    private func malformedRequest(_ handshake: InitializeResult) async -> ConformanceCheck {
        let name = "malformed request"
        let validates = handshake.capabilities.validate != nil
        let outcome = await PluginProcess.run(spec) { channel -> String? in
            guard await Self.handshake(&channel) else { return "the handshake failed" }
            _ = await channel.send(Self.line(#"{"jsonrpc":"2.0","id":2,"method":"#), within: .seconds(10))
            _ = await channel.send(
                Self.line(#"{"jsonrpc":"2.0","id":3,"method":"curriculum/no-such-method","params":{}}"#),
                within: .seconds(10))
            var answer = await Self.nextResponse(&channel)
            if let envelope = answer, envelope.id == .null || envelope.id == nil {
                guard
                    envelope.error?.code == PluginProtocol.ErrorCode.parseError
                        || envelope.error?.code == PluginProtocol.ErrorCode.invalidRequest
                else {
                    return
                        "a line that is not JSON should get error -32700 (or no answer), got \(Self.describe(envelope))"
                }
                answer = await Self.nextResponse(&channel)
            }
            guard let envelope = answer, envelope.id == .number(3),
                envelope.error?.code == PluginProtocol.ErrorCode.methodNotFound
            else {
                return
                    "after a malformed line the plugin must keep serving; the next request got \(answer.map(Self.describe) ?? "no answer")"
            }
            guard validates else { return nil }
            _ = await channel.send(
                Self.line(#"{"jsonrpc":"2.0","id":4,"method":"validate","params":{"curriculum":42,"root":"/"}}"#),
                within: .seconds(10))
            let invalid = await Self.nextResponse(&channel)
            guard let envelope = invalid, envelope.id == .number(4),
                envelope.error?.code == PluginProtocol.ErrorCode.invalidParams
            else {
                return
                    "validate with a curriculum that is a number should get error -32602, got \(invalid.map(Self.describe) ?? "no answer")"
            }
            return nil
        }
        return Self.check(
            name, outcome,
            passed: validates
                ? "kept serving after a broken line; answered -32602 to invalid params"
                : "kept serving after a broken line")
    }

    private func endOfInput() async -> ConformanceCheck {
        var quick = spec
        quick.limits.exitGrace = .seconds(2)
        let start = ContinuousClock.now
        let outcome = await PluginProcess.run(quick) { channel -> String? in
            await Self.handshake(&channel) ? nil : "the handshake failed"
        }
        let elapsed = ContinuousClock.now - start
        if let problem = outcome.value ?? nil {
            return ConformanceCheck(name: "end of input", passed: false, detail: problem)
        }
        if outcome.wasStoppedByHost {
            return ConformanceCheck(
                name: "end of input", passed: false,
                detail: "it did not exit within 2 s after its input closed; it was killed")
        }
        guard case .exited(0) = outcome.status else {
            return ConformanceCheck(
                name: "end of input", passed: false,
                detail:
                    "it exited with \(outcome.status.map { "\($0)" } ?? "an unknown status") after its input closed; expected 0"
            )
        }
        if outcome.leftProcessesBehind {
            return ConformanceCheck(name: "end of input", passed: false, detail: "it left processes running")
        }
        return ConformanceCheck(
            name: "end of input", passed: true,
            detail: "exited 0 after its input closed (\(elapsed.formatted(.units(allowed: [.milliseconds]))))")
    }

    private func diagnosticsShape(_ handshake: InitializeResult, subject: Subject) async -> [ConformanceCheck] {
        let name = "diagnostics shape"
        let declared = Set(handshake.capabilities.validate?.rules.map(\.code) ?? [])
        let observer = CollectingObserver()
        let reply: PluginReply<ValidateResult>
        do {
            reply = try await PluginHost().request(
                spec, method: PluginProtocol.Method.validate, params: validateParams(subject), as: ValidateResult.self,
                observer: observer)
        } catch {
            return [ConformanceCheck(name: name, passed: false, detail: error.description)]
        }
        var problems: [String] = []
        for diagnostic in reply.result.diagnostics {
            if let location = diagnostic.location, location.column < 1 {
                problems.append("\(diagnostic.code) has column \(location.column); columns are 1-based")
            }
            if !declared.contains(diagnostic.code) {
                problems.append("\(diagnostic.code) is not among the rules declared in initialize")
            }
        }
        var checks = [
            problems.isEmpty
                ? ConformanceCheck(
                    name: name, passed: true,
                    detail:
                        "validate answered \(reply.result.diagnostics.count) well-formed diagnostic(s) for the \(subject.fixture == nil ? "sample curriculum" : "fixture")"
                )
                : ConformanceCheck(
                    name: name, passed: false, detail: Array(Set(problems)).sorted().joined(separator: "; "))
        ]
        checks.append(Self.exitAfterRequest(observer, method: "validate"))
        if let fixture = subject.fixture {
            let problem = fixture.problem(withFindings: reply.result.diagnostics)
            checks.append(
                ConformanceCheck(
                    name: "fixture findings", passed: problem == nil,
                    detail: problem ?? "found exactly the \(reply.result.diagnostics.count) expected finding(s)"))
        }
        return checks
    }

    private func artifactPaths(format: String, subject: Subject) async -> [ConformanceCheck] {
        let name = "artifact paths (\(format))"
        let observer = CollectingObserver()
        let params = exportParams(subject, format: format)
        let first: ExportResult
        let second: ExportResult
        do {
            first = try await PluginHost().request(
                spec, method: PluginProtocol.Method.export, params: params, as: ExportResult.self, observer: observer
            ).result
            second = try await PluginHost().request(
                spec, method: PluginProtocol.Method.export, params: params, as: ExportResult.self
            ).result
        } catch {
            return [ConformanceCheck(name: name, passed: false, detail: error.description)]
        }
        var problems: [String] = []
        for artifact in first.artifacts {
            if let problem = ArtifactPath.problem(with: artifact.path) {
                problems.append("\(ArtifactPath.quoted(artifact.path)): \(problem)")
            }
            let bodies = [artifact.text != nil, artifact.base64 != nil, artifact.copyOf != nil].filter { $0 }.count
            if bodies != 1 {
                problems.append("\(ArtifactPath.quoted(artifact.path)) must have exactly one of text, base64, copyOf")
            }
        }
        for (one, other) in ArtifactPath.caseCollisions(in: first.artifacts.map(\.path)) {
            problems.append("\(ArtifactPath.quoted(one)) and \(ArtifactPath.quoted(other)) differ only in case")
        }
        if first.artifacts.isEmpty { problems.append("export produced no artifacts") }
        var checks = [
            problems.isEmpty
                ? ConformanceCheck(
                    name: name, passed: true, detail: "\(first.artifacts.count) artifact(s) with valid paths")
                : ConformanceCheck(name: name, passed: false, detail: problems.joined(separator: "; "))
        ]
        let differing = Set(first.artifacts.map(\.path)).symmetricDifference(second.artifacts.map(\.path))
            .union(first.artifacts.filter { !second.artifacts.contains($0) }.map(\.path)).sorted()
        checks.append(
            differing.isEmpty
                ? ConformanceCheck(
                    name: "determinism (\(format))", passed: true,
                    detail: "two runs of the same request gave the same bytes")
                : ConformanceCheck(
                    name: "determinism (\(format))", passed: false,
                    detail:
                        "two runs of the same request differ in \(differing.map(ArtifactPath.quoted).joined(separator: ", ")); the same input must give the same bytes (no clock, no random names)"
                ))
        checks.append(Self.exitAfterRequest(observer, method: "export"))
        if let fixture = subject.fixture, fixture.expectations.artifacts?[format] != nil {
            let problem = fixture.problem(withArtifacts: first.artifacts, format: format)
            checks.append(
                ConformanceCheck(
                    name: "fixture artifacts (\(format))", passed: problem == nil,
                    detail: problem ?? "wrote exactly the expected \(first.artifacts.count) artifact(s)"))
        }
        return checks
    }

    /// Protocol 1.2: the same export twice in one process gives the same artifacts both times, so nothing one request
    /// leaves behind changes the next.
    private func severalRequests(format: String, subject: Subject) async -> ConformanceCheck {
        let name = "several requests in one process (\(format))"
        let params = exportParams(subject, format: format)
        let replies: [PluginReply<ExportResult>]
        do {
            replies = try await PluginHost().requests(
                spec, method: PluginProtocol.Method.export, params: [params, params], as: ExportResult.self)
        } catch {
            return ConformanceCheck(name: name, passed: false, detail: error.description)
        }
        guard replies.count == 2 else {
            return ConformanceCheck(name: name, passed: false, detail: "it answered \(replies.count) of 2 requests")
        }
        let first = replies[0].result.artifacts
        let differing = Set(first.map(\.path)).symmetricDifference(replies[1].result.artifacts.map(\.path))
            .union(first.filter { !replies[1].result.artifacts.contains($0) }.map(\.path)).sorted()
        return differing.isEmpty
            ? ConformanceCheck(
                name: name, passed: true,
                detail: "it answered protocolMinor 2 and served the same export twice in one process, the same bytes")
            : ConformanceCheck(
                name: name, passed: false,
                detail:
                    "it answered protocolMinor 2, but the second of two identical requests in one process differs in \(differing.map(ArtifactPath.quoted).joined(separator: ", ")); a request must not depend on the ones before it"
            )
    }

    /// Whether the plugin exited on its own after answering a real request (the host warns when it had to be
    /// stopped; a run still uses the answer, but each run then waits for the grace period).
    private static func exitAfterRequest(_ observer: CollectingObserver, method: String) -> ConformanceCheck {
        let name = "exit after \(method)"
        if let warning = observer.warnings.first(where: { $0.contains("did not exit") }) {
            return ConformanceCheck(name: name, passed: false, detail: warning)
        }
        return ConformanceCheck(name: name, passed: true, detail: "exited on its own after answering \(method)")
    }

    // MARK: - Helpers

    private static func check(
        _ name: String, _ outcome: PluginProcessOutcome<String?>, passed: String
    ) -> ConformanceCheck {
        if let launch = outcome.launchError {
            return ConformanceCheck(name: name, passed: false, detail: "could not start: \(launch)")
        }
        if let problem = outcome.value ?? nil { return ConformanceCheck(name: name, passed: false, detail: problem) }
        return ConformanceCheck(name: name, passed: true, detail: passed)
    }

    private static func initialize(versions: [Int]) -> Data {
        PluginHost.encodeRequest(
            id: 1, method: PluginProtocol.Method.initialize,
            params: InitializeParams(
                protocolVersions: versions, core: .init(name: ToolVersion.name, version: ToolVersion.current),
                modelVersion: Curriculum.modelVersion,
                limits: .init(maxMessageBytes: PluginProtocol.defaultMaxMessageBytes)))
    }

    private static func line(_ text: String) -> Data { Data(text.utf8) }

    private static func handshake(_ channel: inout HostChannel) async -> Bool {
        guard await channel.send(initialize(versions: PluginProtocol.supportedVersions), within: .seconds(10)) else {
            return false
        }
        guard let envelope = await nextResponse(&channel) else { return false }
        return envelope.id == .number(1) && envelope.hasResult
    }

    /// The next message that is not a notification.
    private static func nextResponse(_ channel: inout HostChannel) async -> RPCEnvelope? {
        while true {
            switch await channel.next(within: .seconds(10)) {
            case .message(let envelope, _) where envelope.isNotification: continue
            case .message(let envelope, _): return envelope
            default: return nil
            }
        }
    }

    private static func describe(_ envelope: RPCEnvelope) -> String {
        if let error = envelope.error {
            return "error \(error.code) (\(error.message)) for id \(envelope.id?.description ?? "none")"
        }
        if envelope.hasResult { return "a result for id \(envelope.id?.description ?? "none")" }
        return "a message with method \(envelope.method ?? "none")"
    }
}
