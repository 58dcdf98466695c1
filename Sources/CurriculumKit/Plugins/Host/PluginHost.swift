import CurriculumModel
public import CurriculumPluginKit
public import Foundation

/// What a plugin answered to one request, with who it said it was.
public struct PluginReply<Result: Sendable>: Sendable {
    /// The plugin's `initialize` result.
    public var handshake: InitializeResult
    /// The request's result.
    public var result: Result
    /// `$/log` messages it sent.
    public var logs: [LogParams]
}

/// Receives a plugin's notifications while it works.
public protocol PluginObserver: Sendable {
    /// A `$/progress` notification.
    func progress(plugin: String, _ params: ProgressParams)
    /// A `$/log` notification.
    func log(plugin: String, _ params: LogParams)
    /// Something the host noticed about a plugin that did not stop the run.
    func warning(plugin: String, _ message: String)
}

extension PluginObserver {
    public func log(plugin: String, _ params: LogParams) {}

    /// Something the host noticed about a plugin that did not stop the run: it did not exit after answering, or
    /// its diagnostics were capped. By default passed on as a `warning` log line of the plugin.
    public func warning(plugin: String, _ message: String) {
        log(plugin: plugin, LogParams(level: "warning", message: message))
    }
}

/// Runs plugins over protocol version 1: start, handshake, one request, shutdown — and turns every way a plugin
/// can misbehave into a ``PluginFailure`` that names the plugin and what it did.
public struct PluginHost: Sendable {
    /// The protocol versions the core offers.
    public var offeredVersions: [Int]

    /// Creates a host.
    public init(offeredVersions: [Int] = PluginProtocol.supportedVersions) {
        self.offeredVersions = offeredVersions
    }

    /// Starts a plugin, runs the handshake and lets it go.
    public func handshake(_ spec: PluginSpec) async throws(PluginFailure) -> InitializeResult {
        let reply = try await exchange(spec, method: nil, params: [Int](), as: Int.self, observer: nil, additions: [])
        return reply.handshake
    }

    /// Starts a plugin, runs the handshake, sends one request and returns its result.
    ///
    /// - Parameters:
    ///   - spec: The plugin.
    ///   - method: `validate`, `import` or `export`.
    ///   - params: The request's params.
    ///   - type: The result type to decode.
    ///   - observer: Receives progress notifications.
    ///   - additions: Protocol 1.1 members added to the params for a plugin that answered `protocolMinor` 1 or
    ///     more (`timetable`), each already JSON.
    public func request<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ spec: PluginSpec, method: String, params: Params, as type: Result.Type, observer: (any PluginObserver)? = nil,
        additions: [String: Data] = [:]
    ) async throws(PluginFailure) -> PluginReply<Result> {
        let reply = try await exchange(
            spec, method: method, params: [params], as: type, observer: observer, additions: [additions])
        guard let result = reply.results.first else {
            throw PluginFailure(
                plugin: reply.handshake.plugin.name, executable: spec.executable, action: "handling \(method)",
                reason: .protocolViolation("no result"), stderrTail: "")
        }
        return PluginReply(handshake: reply.handshake, result: result, logs: reply.logs.first ?? [])
    }

    /// Sends one request per params, in order, and returns the results in the same order.
    ///
    /// A plugin that speaks protocol 1.2 (it answered `protocolMinor` 2 or more) is started once and gets every
    /// request in the same process, one after the other, with ids 2, 3, …; each request has its own time-out and
    /// overall deadline. Any other plugin gets one process per request, as protocol 1.0 and 1.1 promise (the first
    /// in the process that answered the handshake, the rest up to one per core at a time). A failure in any request
    /// ends the whole call, naming the plugin.
    ///
    /// - Parameters:
    ///   - additions: Protocol 1.1 members added to each request's params (see
    ///     ``request(_:method:params:as:observer:additions:)``), by the index of the params; may be shorter.
    public func requests<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ spec: PluginSpec, method: String, params: [Params], as type: Result.Type,
        observer: (any PluginObserver)? = nil, additions: [[String: Data]] = []
    ) async throws(PluginFailure) -> [PluginReply<Result>] {
        guard !params.isEmpty else { return [] }
        let first = try await exchange(
            spec, method: method, params: params, as: type, observer: observer, additions: additions)
        var replies = zip(first.results, first.logs).map {
            PluginReply(handshake: first.handshake, result: $0, logs: $1)
        }
        guard !replies.isEmpty else {
            throw PluginFailure(
                plugin: first.handshake.plugin.name, executable: spec.executable, action: "handling \(method)",
                reason: .protocolViolation("no result"), stderrTail: "")
        }
        let remaining = Array(replies.count..<params.count)
        guard !remaining.isEmpty else { return replies }
        // A plugin that serves one request per process: the rest in processes of their own, a few at a time.
        let outcome = await withTaskGroup(of: (Int, Swift.Result<PluginReply<Result>, PluginFailure>).self) { group in
            var next = 0
            func start() {
                guard next < remaining.count else { return }
                let index = remaining[next]
                next += 1
                group.addTask {
                    do throws(PluginFailure) {
                        let reply = try await request(
                            spec, method: method, params: params[index], as: type, observer: observer,
                            additions: index < additions.count ? additions[index] : [:])
                        return (index, .success(reply))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) { start() }
            var done: [Int: Swift.Result<PluginReply<Result>, PluginFailure>] = [:]
            while let (index, reply) = await group.next() {
                done[index] = reply
                if case .failure = reply { group.cancelAll() } else { start() }
            }
            return done
        }
        for index in remaining {
            switch outcome[index] {
            case .success(let reply): replies.append(reply)
            case .failure(let failure): throw failure
            case nil: break
            }
        }
        return replies
    }

    /// Like ``request(_:method:params:as:observer:)``, with params already encoded as JSON — so one encoding of a
    /// large curriculum can be sent to several plugins.
    public func request<Result: Decodable & Sendable>(
        _ spec: PluginSpec, method: String, encodedParams: Data, as type: Result.Type,
        observer: (any PluginObserver)? = nil, additions: [String: Data] = [:]
    ) async throws(PluginFailure) -> PluginReply<Result> {
        let reply = try await exchange(
            spec, method: method, params: [PreEncodedJSON(data: encodedParams)], as: type, observer: observer,
            additions: [additions])
        guard let result = reply.results.first else {
            throw PluginFailure(
                plugin: reply.handshake.plugin.name, executable: spec.executable, action: "handling \(method)",
                reason: .protocolViolation("no result"), stderrTail: "")
        }
        return PluginReply(handshake: reply.handshake, result: result, logs: reply.logs.first ?? [])
    }

    // MARK: - The conversation

    enum Awaited<Value: Sendable>: Sendable {
        case success(Value)
        case failure(PluginFailure.Reason)
        case ended
    }

    enum Step: Sendable {
        /// The handshake, then each request's result and the logs sent while it was handled.
        case answered(InitializeResult, [any Sendable], [[LogParams]])
        case failed(PluginFailure.Reason, action: String, plugin: String?)
        case ended(action: String, plugin: String?)
    }

    /// A step that ends a conversation, as an error value.
    struct StepFailure: Error {
        var step: Step
    }

    struct Exchange<Result: Sendable>: Sendable {
        var handshake: InitializeResult
        /// One per request answered, in order (fewer than sent when the plugin serves one request per process).
        var results: [Result]
        var logs: [[LogParams]]
    }

    private func exchange<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ spec: PluginSpec, method: String?, params: [Params], as type: Result.Type, observer: (any PluginObserver)?,
        additions: [[String: Data]]
    ) async throws(PluginFailure) -> Exchange<Result> {
        try Self.checkExecutable(spec)
        let offered = offeredVersions
        let initialize = Self.initializeRequest(offered: offered, spec: spec)
        let limits = spec.limits
        let outcome = await PluginProcess.run(spec) { channel -> Step in
            var logs: [LogParams] = []
            var name: String? = nil
            guard await channel.send(initialize, within: limits.handshakeTimeout, requestID: 1) else {
                return .failed(.closedInputEarly(status: "exited"), action: "starting", plugin: nil)
            }
            // The first request is encoded while the plugin starts up and reads the handshake, not after it
            // answers: the host's work then overlaps the plugin's instead of adding to it.
            let firstRequest = method.flatMap { method in
                params.first.map { Self.encodeRequest(id: 2, method: method, params: $0) }
            }
            let handshake: InitializeResult
            switch await Self.awaitHandshake(
                on: &channel, offered: offered, limits: limits, logs: &logs, plugin: spec.name, observer: observer)
            {
            case .failure(let ending): return ending.step
            case .success(let result):
                handshake = result
                name = result.plugin.name
            }
            guard let method, !params.isEmpty else { return .answered(handshake, [], [logs]) }
            let action = "handling \(method)"
            if let missing = Self.missingCapability(method, in: handshake) {
                return .failed(missing, action: action, plugin: name)
            }
            // Protocol 1.2: several requests in one process; before it, exactly one.
            let count = (handshake.protocolMinor ?? 0) >= 2 ? params.count : 1
            var results: [any Sendable] = []
            var logsByRequest: [[LogParams]] = []
            for index in 0..<count {
                let id = 2 + index
                let mark = index == 0 ? 0 : logs.count
                let request =
                    index == 0
                    ? firstRequest ?? Data() : Self.encodeRequest(id: id, method: method, params: params[index])
                let requestAdditions = index < additions.count ? additions[index] : [:]
                switch await Self.answer(
                    id: id, line: request, additions: requestAdditions, method: method, as: type, handshake: handshake,
                    on: &channel, limits: limits, logs: &logs, observer: observer)
                {
                case .failure(let reason): return .failed(reason, action: action, plugin: name)
                case .ended: return .ended(action: action, plugin: name)
                case .success(let result):
                    results.append(result)
                    logsByRequest.append(Array(logs[mark...]))
                }
            }
            return .answered(handshake, results, logsByRequest)
        }
        let exchange = try Self.interpret(outcome, spec: spec, as: type)
        if outcome.timedOut != nil, method != nil {
            observer?.warning(
                plugin: exchange.handshake.plugin.name,
                "it answered but did not exit within \(Self.seconds(limits.exitGrace).formatted()) s after its input was closed, so it was stopped\(outcome.neededKill ? " (it ignored SIGTERM and was killed with SIGKILL)" : ""); a plugin exits when its standard input ends"
            )
        }
        return exchange
    }

    /// Sends `initialize` (already sent by the caller) and waits for its answer: the plugin's handshake, or the
    /// step that ends the conversation.
    static func awaitHandshake(
        on channel: inout HostChannel, offered: [Int], limits: PluginLimits, logs: inout [LogParams], plugin: String,
        observer: (any PluginObserver)?
    ) async -> Swift.Result<InitializeResult, StepFailure> {
        switch await Self.awaitResponse(
            id: 1, on: &channel, within: limits.handshakeTimeout, logs: &logs, plugin: plugin, observer: observer)
        {
        case .failure(let reason):
            return .failure(StepFailure(step: .failed(reason, action: "answering initialize", plugin: nil)))
        case .ended: return .failure(StepFailure(step: .ended(action: "answering initialize", plugin: nil)))
        case .success(let data):
            switch Self.decode(InitializeResult.self, from: data, what: "the initialize result") {
            case .failure(let reason):
                return .failure(StepFailure(step: .failed(reason, action: "answering initialize", plugin: nil)))
            case .ended: return .failure(StepFailure(step: .ended(action: "answering initialize", plugin: nil)))
            case .success(let result):
                if let problem = PluginAnswerCheck.problem(in: result) {
                    return .failure(
                        StepFailure(
                            step: .failed(.protocolViolation(problem), action: "answering initialize", plugin: nil)))
                }
                guard offered.contains(result.protocolVersion) else {
                    return .failure(
                        StepFailure(
                            step: .failed(
                                .unsupportedVersion(offered: offered, supported: [result.protocolVersion]),
                                action: "answering initialize", plugin: result.plugin.name)))
                }
                return .success(result)
            }
        }
    }

    /// Why a plugin cannot take a request for a method: it did not declare the capability.
    static func missingCapability(_ method: String, in handshake: InitializeResult) -> PluginFailure.Reason? {
        let capabilities = handshake.capabilities
        let supports =
            switch method {
            case PluginProtocol.Method.validate: capabilities.validate != nil
            case PluginProtocol.Method.import: capabilities.import != nil
            case PluginProtocol.Method.export: capabilities.export != nil
            default: true
            }
        return supports ? nil : .missingCapability(method, has: capabilities.summary)
    }

    /// Sends one request line (with its protocol 1.1 additions) and waits for its result, within the request's
    /// time-out and overall deadline; the result is checked against the handshake and its diagnostics capped.
    static func answer<Result: Decodable & Sendable>(
        id: Int, line request: Data, additions: [String: Data], method: String, as type: Result.Type,
        handshake: InitializeResult, on channel: inout HostChannel, limits: PluginLimits, logs: inout [LogParams],
        observer: (any PluginObserver)?
    ) async -> Awaited<Result> {
        let name = handshake.plugin.name
        channel.startOverallDeadline(limits.effectiveRequestDeadline)
        defer { channel.endOverallDeadline() }
        let line =
            (handshake.protocolMinor ?? 0) >= 1 && !additions.isEmpty
            ? Self.adding(additions, toParamsOf: request) : request
        guard await channel.send(line, within: limits.requestTimeout, requestID: id) else {
            return .failure(.closedInputEarly(status: "exited"))
        }
        switch await Self.awaitResponse(
            id: id, on: &channel, within: limits.requestTimeout, logs: &logs, plugin: name, observer: observer)
        {
        case .failure(let reason): return .failure(reason)
        case .ended: return .ended
        case .success(let data):
            switch Self.decode(type, from: data, what: "the \(method) result") {
            case .failure(let reason): return .failure(reason)
            case .ended: return .ended
            case .success(var result):
                if let problem = Self.problem(in: result, method: method, handshake: handshake) {
                    return .failure(.protocolViolation(problem))
                }
                if let dropped = DiagnosticCap.apply(to: &result, limit: limits.maxDiagnostics) {
                    observer?.warning(
                        plugin: name,
                        "it reported \(dropped.total) diagnostics; the \(limits.maxDiagnostics) most severe are shown and \(dropped.total - limits.maxDiagnostics) were left out (limits.maxDiagnostics)"
                    )
                }
                return .success(result)
            }
        }
    }

    /// What is wrong with a decoded result (its diagnostics), checked against what the plugin declared.
    private static func problem(in result: some Sendable, method: String, handshake: InitializeResult) -> String? {
        switch result {
        case let result as ValidateResult:
            let declared = Set((handshake.capabilities.validate?.rules ?? []).map(\.code))
            return PluginAnswerCheck.problem(in: result.diagnostics, declared: declared, method: method)
        case let result as ExportResult:
            return PluginAnswerCheck.problem(in: result.diagnostics, declared: nil, method: method)
        case let result as ImportAnswer:
            return PluginAnswerCheck.problem(in: result.diagnostics, declared: nil, method: method)
        default:
            return nil
        }
    }

    /// Waits for the response with an id, handling notifications on the way.
    private static func awaitResponse(
        id: Int, on channel: inout HostChannel, within timeout: Duration, logs: inout [LogParams], plugin: String,
        observer: (any PluginObserver)?
    ) async -> Awaited<Data> {
        while true {
            switch await channel.next(within: timeout) {
            case .end: return .ended
            case .lineTooLong:
                return .failure(.protocolViolation("it wrote a line longer than the line limit; output was cut off"))
            case .tooMuchOutput:
                return .failure(.protocolViolation("it wrote more output than the limit for one request"))
            case .malformed(let preview):
                return .failure(
                    .protocolViolation(
                        "it wrote a line that is not JSON-RPC on standard output: \(preview) (logs belong on standard error)"
                    ))
            case .message(let envelope, let data):
                if envelope.isNotification {
                    switch envelope.method {
                    case PluginProtocol.Method.log:
                        if let log = try? ProtocolJSONDecoder.decode(ParamsOf<LogParams>.self, from: data) {
                            logs.append(log.params)
                            observer?.log(plugin: plugin, log.params)
                        }
                    case PluginProtocol.Method.progress:
                        if let progress = try? ProtocolJSONDecoder.decode(ParamsOf<ProgressParams>.self, from: data) {
                            observer?.progress(plugin: plugin, progress.params)
                        }
                    default: break
                    }
                    continue
                }
                if let method = envelope.method {
                    return .failure(.protocolViolation("it sent a request (\(method)); only the core sends requests"))
                }
                guard envelope.id == .number(id) else {
                    return .failure(
                        .protocolViolation(
                            "it answered with id \(envelope.id?.description ?? "missing"), but the pending request has id \(id)"
                        ))
                }
                if let error = envelope.error {
                    if error.code == PluginProtocol.ErrorCode.unsupportedProtocolVersion {
                        let supported: [Int] =
                            if case .object(let object) = error.data, case .array(let list) = object["supported"] {
                                list.compactMap { $0.numberValue.map { Int($0) } }
                            } else { [] }
                        guard !supported.isEmpty else {
                            return .failure(
                                .protocolViolation(
                                    "it refused the offered protocol versions (\(PluginProtocol.supportedVersions.map(String.init).joined(separator: ", "))) with error -32022 but did not say which versions it speaks (data.supported, a list of numbers, is required)"
                                ))
                        }
                        return .failure(
                            .unsupportedVersion(offered: PluginProtocol.supportedVersions, supported: supported))
                    }
                    return .failure(.errorResponse(code: error.code, message: error.message))
                }
                guard envelope.hasResult else {
                    return .failure(.protocolViolation("its response to id \(id) has neither result nor error"))
                }
                return .success(data)
            }
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, what: String) -> Awaited<Value> {
        do {
            return .success(try ProtocolJSONDecoder.decode(ResultOf<Value>.self, from: data).result)
        } catch {
            return .failure(.protocolViolation("\(what) does not match the protocol: \(DecodingDescription.of(error))"))
        }
    }

    static func interpret<Result>(
        _ outcome: PluginProcessOutcome<Step>, spec: PluginSpec, as type: Result.Type
    ) throws(PluginFailure) -> Exchange<Result> {
        func failure(_ reason: PluginFailure.Reason, _ action: String, _ plugin: String?) -> PluginFailure {
            PluginFailure(
                plugin: plugin ?? spec.name, executable: spec.executable, action: action,
                reason: timeOutReason(reason), stderrTail: outcome.stderrTail, neededKill: outcome.neededKill)
        }
        func timeOutReason(_ reason: PluginFailure.Reason) -> PluginFailure.Reason {
            guard case .timedOut(let seconds) = reason, outcome.timedOutOverall else { return reason }
            return .exceededDeadline(seconds: seconds)
        }
        if let launchError = outcome.launchError {
            throw failure(.launchFailed(launchError), "starting", nil)
        }
        let exitReason: PluginFailure.Reason? =
            switch outcome.status {
            case .exited(let code) where code != 0: .exited(status: code)
            case .signaled(let signal): .killed(signal: signal)
            default: nil
            }
        let statusReason = outcome.wasStoppedByHost ? nil : exitReason
        switch outcome.value {
        case .answered(let handshake, let results, let logs):
            for leftover in outcome.leftovers {
                switch leftover {
                case .message(let envelope, _) where envelope.isNotification: continue
                case .message:
                    throw failure(
                        .protocolViolation("it sent a second response after answering"), "shutting down",
                        handshake.plugin.name)
                case .malformed(let preview):
                    throw failure(
                        .protocolViolation("it wrote a line that is not JSON-RPC after answering: \(preview)"),
                        "shutting down", handshake.plugin.name)
                default: continue
                }
            }
            if case .exited(let code) = statusReason, outcome.timedOut == nil {
                throw failure(.exited(status: code), "shutting down after answering", handshake.plugin.name)
            }
            if outcome.leftProcessesBehind {
                throw failure(.leftProcessesBehind, "shutting down after answering", handshake.plugin.name)
            }
            return Exchange(handshake: handshake, results: results.compactMap { $0 as? Result }, logs: logs)
        case .failed(let reason, let action, let plugin):
            if let timedOut = outcome.timedOut {
                throw failure(.timedOut(seconds: Self.seconds(timedOut)), action, plugin)
            }
            if case .closedInputEarly = reason {
                let status = statusReason.map { Self.describe($0) } ?? "exited with status 0"
                throw failure(.closedInputEarly(status: status), action, plugin)
            }
            // A crash explains a half-written line better than the line does.
            if case .protocolViolation = reason, let statusReason { throw failure(statusReason, action, plugin) }
            throw failure(reason, action, plugin)
        case .ended(let action, let plugin):
            if let timedOut = outcome.timedOut {
                throw failure(.timedOut(seconds: Self.seconds(timedOut)), action, plugin)
            }
            throw failure(
                statusReason ?? .protocolViolation("it closed its output without answering (exit status 0)"), action,
                plugin)
        case .none:
            let action = "starting", plugin: String? = nil
            if let timedOut = outcome.timedOut {
                throw failure(.timedOut(seconds: Self.seconds(timedOut)), action, plugin)
            }
            throw failure(
                statusReason ?? .protocolViolation("it closed its output without answering (exit status 0)"), action,
                plugin)
        }
    }

    private static func describe(_ reason: PluginFailure.Reason) -> String {
        switch reason {
        case .exited(let status): "exited with status \(status)"
        case .killed(let signal): "was killed by signal \(signal)"
        default: "stopped"
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func checkExecutable(_ spec: PluginSpec) throws(PluginFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec.executable, isDirectory: &isDirectory) else {
            throw PluginFailure(
                plugin: spec.name, executable: spec.executable, action: "starting", reason: .notFound, stderrTail: "")
        }
        guard !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: spec.executable) else {
            throw PluginFailure(
                plugin: spec.name, executable: spec.executable, action: "starting", reason: .notExecutable,
                stderrTail: "")
        }
    }

    /// A request line with members added at the end of its params (the last member of the line, an object), in
    /// sorted order.
    static func adding(_ additions: [String: Data], toParamsOf line: Data) -> Data {
        guard line.count >= 2, line.suffix(2).elementsEqual(Array("}}".utf8)) else { return line }
        var result = Data(line.dropLast(2))
        for (key, value) in additions.sorted(by: { $0.key < $1.key }) {
            result.append(contentsOf: Array(",\"\(key)\":".utf8))
            result.append(value)
        }
        result.append(contentsOf: Array("}}".utf8))
        return result
    }

    /// The `initialize` request line for a plugin.
    static func initializeRequest(offered: [Int], spec: PluginSpec) -> Data {
        encodeRequest(
            id: 1, method: PluginProtocol.Method.initialize,
            params: InitializeParams(
                protocolVersions: offered, core: .init(name: ToolVersion.name, version: ToolVersion.current),
                modelVersion: Curriculum.modelVersion, limits: .init(maxMessageBytes: spec.limits.maxLineBytes),
                options: spec.options))
    }

    static func encodeRequest(id: Int?, method: String, params: some Encodable & Sendable) -> Data {
        guard let preEncoded = params as? PreEncodedJSON, let methodJSON = try? ProtocolJSONEncoder.encode(method)
        else {
            return (try? ProtocolJSONEncoder.encode(RPCRequest(id: id, method: method, params: params))) ?? Data()
        }
        // Splice the encoded params into the envelope instead of encoding them again.
        var data = Data(#"{"id":"#.utf8)
        data.append(contentsOf: Array((id.map(String.init) ?? "null").utf8))
        data.append(contentsOf: Array(#","jsonrpc":"2.0","method":"#.utf8))
        data.append(methodJSON)
        data.append(contentsOf: Array(#","params":"#.utf8))
        data.append(preEncoded.data)
        data.append(UInt8(ascii: "}"))
        return data
    }
}

/// Params that are already JSON; ``PluginHost`` splices them into the request line as they are.
struct PreEncodedJSON: Encodable, Sendable {
    var data: Data

    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(
            data, .init(codingPath: encoder.codingPath, debugDescription: "pre-encoded JSON is spliced, not encoded"))
    }
}
