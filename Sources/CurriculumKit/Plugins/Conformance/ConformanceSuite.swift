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

    /// Creates a suite for one plugin.
    public init(spec: PluginSpec) {
        var spec = spec
        spec.limits.handshakeTimeout = .seconds(10)
        spec.limits.requestTimeout = .seconds(30)
        self.spec = spec
    }

    /// Runs every check; stops early only when the handshake itself fails.
    public func run() async -> [ConformanceCheck] {
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
        if handshake.capabilities.validate != nil { checks.append(await diagnosticsShape(handshake)) }
        if let export = handshake.capabilities.export {
            for format in export.formats { checks.append(await artifactPaths(format: format)) }
        }
        return checks
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

    private func diagnosticsShape(_ handshake: InitializeResult) async -> ConformanceCheck {
        let name = "diagnostics shape"
        let declared = Set(handshake.capabilities.validate?.rules.map(\.code) ?? [])
        do {
            let reply = try await PluginHost().request(
                spec, method: PluginProtocol.Method.validate,
                params: ValidateParams(curriculum: SampleCurriculum.model, root: NSTemporaryDirectory()),
                as: ValidateResult.self)
            var problems: [String] = []
            for diagnostic in reply.result.diagnostics {
                if diagnostic.code.isEmpty { problems.append("a diagnostic has an empty code") }
                if diagnostic.message.isEmpty { problems.append("\(diagnostic.code) has an empty message") }
                if let location = diagnostic.location, location.line < 1 || location.column < 1 {
                    problems.append(
                        "\(diagnostic.code) has line \(location.line), column \(location.column); both are 1-based")
                }
                if !declared.isEmpty && !declared.contains(diagnostic.code) {
                    problems.append("\(diagnostic.code) is not among the rules declared in initialize")
                }
            }
            if problems.isEmpty {
                return ConformanceCheck(
                    name: name, passed: true,
                    detail:
                        "validate answered \(reply.result.diagnostics.count) well-formed diagnostic(s) for the sample curriculum"
                )
            }
            return ConformanceCheck(
                name: name, passed: false, detail: Array(Set(problems)).sorted().joined(separator: "; "))
        } catch {
            return ConformanceCheck(name: name, passed: false, detail: error.description)
        }
    }

    private func artifactPaths(format: String) async -> ConformanceCheck {
        let name = "artifact paths (\(format))"
        do {
            let reply = try await PluginHost().request(
                spec, method: PluginProtocol.Method.export,
                params: ExportParams(
                    curriculum: SampleCurriculum.model, root: NSTemporaryDirectory(), format: format, sessions: ["s1"],
                    delivery: SampleCurriculum.model.deliveries.first),
                as: ExportResult.self)
            var problems: [String] = []
            for artifact in reply.result.artifacts {
                if let problem = ArtifactPath.problem(with: artifact.path) {
                    problems.append("\(ArtifactPath.quoted(artifact.path)): \(problem)")
                }
                let bodies = [artifact.text != nil, artifact.base64 != nil, artifact.copyOf != nil].filter { $0 }.count
                if bodies != 1 {
                    problems.append(
                        "\(ArtifactPath.quoted(artifact.path)) must have exactly one of text, base64, copyOf")
                }
            }
            for (first, second) in ArtifactPath.caseCollisions(in: reply.result.artifacts.map(\.path)) {
                problems.append("\(ArtifactPath.quoted(first)) and \(ArtifactPath.quoted(second)) differ only in case")
            }
            if reply.result.artifacts.isEmpty { problems.append("export produced no artifacts") }
            return problems.isEmpty
                ? ConformanceCheck(
                    name: name, passed: true, detail: "\(reply.result.artifacts.count) artifact(s) with valid paths")
                : ConformanceCheck(name: name, passed: false, detail: problems.joined(separator: "; "))
        } catch {
            return ConformanceCheck(name: name, passed: false, detail: error.description)
        }
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
