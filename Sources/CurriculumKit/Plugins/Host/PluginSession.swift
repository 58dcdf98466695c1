public import CurriculumPluginKit
public import Foundation
import Synchronization

/// A long-lived conversation with one plugin: the process is started by the first request, answers every later
/// request in the same process, and is shut down by ``shutdown()``.
///
/// Requests are sent one at a time, in the order they were made. Each keeps the limits of a single request (its
/// time-out, overall deadline, output and diagnostics caps). When the plugin fails a request — it crashed, timed
/// out or broke the protocol — that request gets a ``PluginFailure`` naming the plugin, the process is stopped,
/// and the next request starts a new one. A plugin that does not speak protocol 1.2 (it answered `protocolMinor`
/// below 2) gets one process per request, as protocol 1.0 and 1.1 promise.
///
/// Between requests the process waits for its next line; call ``shutdown()`` when done (a process still waiting
/// when the host exits is stopped with every other plugin by ``LivePluginGroups/killAll()`` on Ctrl-C, and
/// otherwise sees its input close when the host exits).
public final class PluginSession: Sendable {
    /// The plugin, with the options it is started with.
    public let spec: PluginSpec
    private let host: PluginHost
    private let observer: (any PluginObserver)?
    private let started: (@Sendable (pid_t) -> Void)?
    private let state = Mutex(State())

    private struct State {
        var live: PluginJobQueue?
        var servesOnePerProcess = false
    }

    /// Creates a session; no process starts until the first request.
    ///
    /// - Parameters:
    ///   - observer: Receives the plugin's notifications.
    ///   - started: Told the process id of every plugin process the session starts.
    public init(
        spec: PluginSpec, host: PluginHost = PluginHost(), observer: (any PluginObserver)? = nil,
        started: (@Sendable (pid_t) -> Void)? = nil
    ) {
        self.spec = spec
        self.host = host
        self.observer = observer
        self.started = started
    }

    /// Sends one request with params already encoded as JSON, and returns its result.
    ///
    /// - Parameters:
    ///   - additions: Protocol 1.1 members added to the params (see
    ///     ``PluginHost/request(_:method:params:as:observer:additions:)``).
    public func request<Result: Decodable & Sendable>(
        method: String, encodedParams: Data, as type: Result.Type, additions: [String: Data] = [:]
    ) async throws(PluginFailure) -> PluginReply<Result> {
        let spec = spec, host = host, observer = observer
        let limits = spec.limits
        let job = PluginJob(
            method: method,
            perform: { id, handshake, channel, logs in
                let line = PluginHost.encodeRequest(
                    id: id, method: method, params: PreEncodedJSON(data: encodedParams))
                switch await PluginHost.answer(
                    id: id, line: line, additions: additions, method: method, as: type, handshake: handshake,
                    on: &channel, limits: limits, logs: &logs, observer: observer)
                {
                case .success(let result): return .success(result)
                case .failure(let reason): return .failure(reason)
                case .ended: return .ended
                }
            },
            alone: {
                do throws(PluginFailure) {
                    let reply = try await host.request(
                        spec, method: method, encodedParams: encodedParams, as: type, observer: observer,
                        additions: additions)
                    return .success(
                        PluginJob.Answer(handshake: reply.handshake, result: reply.result, logs: reply.logs))
                } catch {
                    return .failure(error)
                }
            })
        let outcome = await withCheckedContinuation { continuation in
            submit(job, replyingTo: continuation)
        }
        switch outcome {
        case .failure(let failure): throw failure
        case .success(let answer):
            guard let result = answer.result as? Result else {
                throw PluginFailure(
                    plugin: answer.handshake.plugin.name, executable: spec.executable, action: "handling \(method)",
                    reason: .protocolViolation("no result"), stderrTail: "")
            }
            return PluginReply(handshake: answer.handshake, result: result, logs: answer.logs)
        }
    }

    /// Starts the plugin's process and handshake now instead of at the first request, so the plugin gets ready
    /// while the caller prepares what it will ask (`pack` starts its exporters while it loads the curriculum).
    /// Does nothing while a process is running, or for a plugin that takes one process per request.
    public func start() {
        let queue = state.withLock { state -> PluginJobQueue? in
            guard !state.servesOnePerProcess, state.live == nil else { return nil }
            let queue = PluginJobQueue()
            state.live = queue
            return queue
        }
        if let queue { Task { await serve(queue) } }
    }

    /// Closes the plugin's input once the requests sent so far are answered, so it exits; a later request starts
    /// a new process.
    public func shutdown() async {
        let queue = state.withLock { state -> PluginJobQueue? in
            defer { state.live = nil }
            return state.live
        }
        guard let queue else { return }
        queue.close()
        await queue.finished()
    }

    private enum Route {
        case queued
        case newProcess(PluginJobQueue)
        case alone
    }

    private func submit(_ job: PluginJob, replyingTo reply: PluginJob.Reply) {
        let entry = PluginJobQueue.Entry(job: job, reply: reply)
        let route = state.withLock { state -> Route in
            if state.servesOnePerProcess { return .alone }
            if let live = state.live, live.push(entry) { return .queued }
            let queue = PluginJobQueue()
            _ = queue.push(entry)
            state.live = queue
            return .newProcess(queue)
        }
        switch route {
        case .queued: break
        case .newProcess(let queue): Task { await serve(queue) }
        case .alone: Task { reply.resume(returning: await job.alone()) }
        }
    }

    /// Runs one plugin process for as long as its queue has requests for it.
    private func serve(_ queue: PluginJobQueue) async {
        defer { queue.markFinished() }
        let spec = spec, offered = host.offeredVersions, observer = observer
        let limits = spec.limits
        var failure: PluginFailure?
        var failing: PluginJobQueue.Entry?
        do throws(PluginFailure) {
            try PluginHost.checkExecutable(spec)
            let initialize = PluginHost.initializeRequest(offered: offered, spec: spec)
            let markOnePerProcess: @Sendable () -> Void = { [weak self] in
                self?.state.withLock { $0.servesOnePerProcess = true }
            }
            // The handshake comes first, so a process started ahead of its requests (``start()``) is ready when
            // they come; a failure before the first request is taken out goes to the first one waiting.
            let outcome = await PluginProcess.run(spec, started: started) { channel -> SessionEnding in
                var logs: [LogParams] = []
                guard await channel.send(initialize, within: limits.handshakeTimeout, requestID: 1) else {
                    return SessionEnding(
                        step: .failed(.closedInputEarly(status: "exited"), action: "starting", plugin: nil),
                        failing: nil)
                }
                let handshake: InitializeResult
                switch await PluginHost.awaitHandshake(
                    on: &channel, offered: offered, limits: limits, logs: &logs, plugin: spec.name,
                    observer: observer)
                {
                case .failure(let ending): return SessionEnding(step: ending.step, failing: nil)
                case .success(let result): handshake = result
                }
                let name = handshake.plugin.name
                var entry = await queue.next()
                var id = 2
                while let current = entry {
                    let action = "handling \(current.job.method)"
                    if let missing = PluginHost.missingCapability(current.job.method, in: handshake) {
                        return SessionEnding(step: .failed(missing, action: action, plugin: name), failing: current)
                    }
                    logs.removeAll()
                    switch await current.job.perform(id, handshake, &channel, &logs) {
                    case .failure(let reason):
                        return SessionEnding(step: .failed(reason, action: action, plugin: name), failing: current)
                    case .ended: return SessionEnding(step: .ended(action: action, plugin: name), failing: current)
                    case .success(let result):
                        current.reply.resume(
                            returning: .success(PluginJob.Answer(handshake: handshake, result: result, logs: logs)))
                    }
                    id += 1
                    // Protocol 1.0 and 1.1: one request per process; the rest go one process each.
                    guard (handshake.protocolMinor ?? 0) >= 2 else {
                        markOnePerProcess()
                        return SessionEnding(step: nil, failing: nil)
                    }
                    entry = await queue.next()
                }
                return SessionEnding(step: nil, failing: nil)
            }
            failing = outcome.value?.failing
            if outcome.value == nil || outcome.value?.step != nil {
                let stepOutcome = PluginProcessOutcome(
                    value: outcome.value?.step, leftovers: outcome.leftovers, status: outcome.status,
                    timedOut: outcome.timedOut, stderrTail: outcome.stderrTail, launchError: outcome.launchError,
                    leftProcessesBehind: outcome.leftProcessesBehind, wasStoppedByHost: outcome.wasStoppedByHost,
                    timedOutOverall: outcome.timedOutOverall, neededKill: outcome.neededKill)
                _ = try PluginHost.interpret(stepOutcome, spec: spec, as: Int.self)
            }
        } catch {
            failure = error
        }
        // The process is over: requests still waiting go to a new one (or each to its own, for protocol 1.0 and
        // 1.1); the one that failed, or the first when the plugin never started, gets the failure.
        state.withLock { state in
            if state.live === queue { state.live = nil }
        }
        var leftovers = queue.drain()
        if let failure {
            if let failing {
                failing.reply.resume(returning: .failure(failure))
            } else if !leftovers.isEmpty {
                leftovers.removeFirst().reply.resume(returning: .failure(failure))
            }
        }
        for entry in leftovers { submit(entry.job, replyingTo: entry.reply) }
    }
}

/// How a session's process ended: `step` is `nil` when it ended because its queue closed or after its one
/// request (protocol 1.0 and 1.1); otherwise the failure, and the request it failed.
struct SessionEnding: Sendable {
    var step: PluginHost.Step?
    var failing: PluginJobQueue.Entry?
}

/// One request of a ``PluginSession``, its result type erased.
struct PluginJob: Sendable {
    /// A request's answer.
    struct Answer: Sendable {
        var handshake: InitializeResult
        var result: any Sendable
        var logs: [LogParams]
    }

    typealias Reply = CheckedContinuation<Swift.Result<Answer, PluginFailure>, Never>

    let method: String
    /// Sends the request with an id in a running process and waits for its result.
    let perform:
        @Sendable (Int, InitializeResult, inout HostChannel, inout [LogParams]) async ->
            PluginHost.Awaited<
                any Sendable
            >
    /// Runs the request in a process of its own (protocol 1.0 and 1.1).
    let alone: @Sendable () async -> Swift.Result<Answer, PluginFailure>
}

/// The requests waiting for one session process, first in first out, until the queue is closed.
final class PluginJobQueue: Sendable {
    /// A request and the caller waiting for its answer.
    final class Entry: Sendable {
        let job: PluginJob
        let reply: PluginJob.Reply

        init(job: PluginJob, reply: PluginJob.Reply) {
            self.job = job
            self.reply = reply
        }
    }

    private struct Inner {
        var entries: [Entry] = []
        var waiter: CheckedContinuation<Entry?, Never>?
        var isClosed = false
        var isFinished = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let inner = Mutex(Inner())

    /// Adds a request; `false` when the queue is closed (its process is over or shutting down).
    func push(_ entry: Entry) -> Bool {
        let waiter = inner.withLock { inner -> CheckedContinuation<Entry?, Never>?? in
            guard !inner.isClosed else { return nil }
            if let waiter = inner.waiter {
                inner.waiter = nil
                return .some(waiter)
            }
            inner.entries.append(entry)
            return .some(nil)
        }
        guard let waiter else { return false }
        waiter?.resume(returning: entry)
        return true
    }

    /// The next request, waiting for one; `nil` once the queue is closed and empty.
    func next() async -> Entry? {
        await withCheckedContinuation { continuation in
            let ready = inner.withLock { inner -> Entry?? in
                if !inner.entries.isEmpty { return .some(inner.entries.removeFirst()) }
                if inner.isClosed { return .some(nil) }
                inner.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Closes the queue: the requests in it are still handed out, and no more are taken.
    func close() {
        let waiter = inner.withLock { inner -> CheckedContinuation<Entry?, Never>? in
            inner.isClosed = true
            defer { inner.waiter = nil }
            return inner.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// Closes the queue and returns the requests no process took.
    func drain() -> [Entry] {
        inner.withLock { inner in
            inner.isClosed = true
            defer { inner.entries = [] }
            return inner.entries
        }
    }

    /// Records that the queue's process is over.
    func markFinished() {
        let waiters = inner.withLock { inner in
            inner.isFinished = true
            defer { inner.finishWaiters = [] }
            return inner.finishWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until the queue's process is over.
    func finished() async {
        await withCheckedContinuation { continuation in
            let done = inner.withLock { inner in
                if inner.isFinished { return true }
                inner.finishWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
