import CurriculumPluginKit
import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// What a plugin process wrote on standard output, one line at a time.
enum PluginOutput: Sendable {
    case message(RPCEnvelope, Data)
    case malformed(preview: String)
    case lineTooLong
    case tooMuchOutput
    case end
}

/// State shared by the tasks that watch one plugin process.
final class PluginProcessState: Sendable {
    private struct Inner {
        var deadline: ContinuousClock.Instant?
        var armedFor: Duration = .zero
        var timedOut: Duration?
        var stderrTail: [UInt8] = []
        var processGroup: pid_t?
        var isFinished = false
        var wasStoppedByHost = false
        var isWriting = false
        var pendingRequest: Int?
        var overallDeadline: ContinuousClock.Instant?
        var overallLimit: Duration = .zero
        var armedForOverall = false
        var timedOutOverall = false
        var neededKill = false
        var outputSinceRequest = 0
        var stopping: Task<Void, Never>?
    }

    private let inner = Mutex(Inner())
    let stderrLimit: Int

    init(stderrLimit: Int) {
        self.stderrLimit = stderrLimit
    }

    func arm(_ timeout: Duration) {
        inner.withLock {
            let deadline = ContinuousClock.now + timeout
            if let overall = $0.overallDeadline, overall < deadline {
                // Messages (progress included) restart the quiet time-out, never the overall deadline.
                $0.deadline = overall
                $0.armedFor = $0.overallLimit
                $0.armedForOverall = true
            } else {
                $0.deadline = deadline
                $0.armedFor = timeout
                $0.armedForOverall = false
            }
        }
    }

    /// Starts the overall deadline of a request, which no message extends.
    func startOverallDeadline(_ limit: Duration) {
        inner.withLock {
            $0.overallDeadline = .now + limit
            $0.overallLimit = limit
        }
    }

    /// Ends the overall deadline (the request was answered).
    func endOverallDeadline() { inner.withLock { $0.overallDeadline = nil } }

    /// Whether the time-out that fired was the overall deadline.
    var timedOutOverall: Bool { inner.withLock { $0.timedOutOverall } }

    /// Records that the process group had to be killed with SIGKILL because SIGTERM did not end it.
    func markKilled() { inner.withLock { $0.neededKill = true } }

    var neededKill: Bool { inner.withLock { $0.neededKill } }

    /// Counts bytes the plugin wrote on standard output, returning how many it wrote since the last request was
    /// sent: the output limit holds per request, also when one process serves several (protocol 1.2).
    func countOutput(_ count: Int) -> Int {
        inner.withLock {
            $0.outputSinceRequest += count
            return $0.outputSinceRequest
        }
    }

    /// Starts counting output for a new request.
    func resetOutputCount() { inner.withLock { $0.outputSinceRequest = 0 } }

    func disarm() { inner.withLock { $0.deadline = nil } }

    /// Whether the armed deadline has passed; marks the time-out when it has.
    func checkExpired() -> Bool {
        inner.withLock {
            guard let deadline = $0.deadline, ContinuousClock.now >= deadline else { return false }
            $0.timedOut = $0.armedFor
            $0.timedOutOverall = $0.armedForOverall
            $0.deadline = nil
            return true
        }
    }

    var timedOut: Duration? { inner.withLock { $0.timedOut } }

    /// Runs a stop of the plugin on a task of its own, unless one already runs (called from the reader thread).
    func stopOnce(_ stop: @escaping @Sendable () async -> Void) {
        inner.withLock {
            guard $0.stopping == nil else { return }
            $0.stopping = Task { await stop() }
        }
    }

    /// Waits for a stop started by ``stopOnce(_:)``, so the outcome knows whether SIGKILL was needed.
    func stopped() async {
        await inner.withLock({ $0.stopping })?.value
    }

    /// Marks the conversation as over, which ends the watchdog.
    func finish() { inner.withLock { $0.isFinished = true } }

    var isFinished: Bool { inner.withLock { $0.isFinished } }

    func beginWriting() { inner.withLock { $0.isWriting = true } }

    func endWriting(pendingRequest: Int?) {
        inner.withLock {
            $0.isWriting = false
            if let pendingRequest { $0.pendingRequest = pendingRequest }
        }
    }

    /// The request a `$/cancel` can name: one that was sent and is being waited for, while nothing is being written.
    var cancellableRequest: Int? { inner.withLock { $0.isWriting ? nil : $0.pendingRequest } }

    /// Records that the host itself stopped the plugin, so its exit signal is not reported as a crash.
    func markStoppedByHost() { inner.withLock { $0.wasStoppedByHost = true } }

    var wasStoppedByHost: Bool { inner.withLock { $0.wasStoppedByHost } }

    func appendStderr(_ bytes: some Collection<UInt8>) {
        inner.withLock {
            $0.stderrTail.append(contentsOf: bytes)
            if $0.stderrTail.count > stderrLimit * 2 { $0.stderrTail.removeFirst($0.stderrTail.count - stderrLimit) }
        }
    }

    var stderrTail: String {
        inner.withLock { String(decoding: $0.stderrTail.suffix(stderrLimit), as: UTF8.self) }
    }

    var processGroup: pid_t? {
        get { inner.withLock { $0.processGroup } }
        set { inner.withLock { $0.processGroup = newValue } }
    }
}

/// The host's end of a live conversation with a plugin: send lines, receive messages, each with a deadline.
struct HostChannel: ~Copyable {
    fileprivate let reader: PluginOutputReader
    fileprivate let writer: StandardInputWriter
    let state: PluginProcessState

    /// The next message, or `.end` when the plugin's output ended (or it was stopped after the time-out).
    mutating func next(within timeout: Duration) async -> PluginOutput {
        state.arm(timeout)
        defer { state.disarm() }
        return await reader.next()
    }

    /// Writes bytes and a newline; returns `false` when the plugin no longer reads its input.
    func send(_ line: Data, within timeout: Duration, requestID: Int? = nil) async -> Bool {
        state.arm(timeout)
        if requestID != nil { state.resetOutputCount() }
        state.beginWriting()
        defer {
            state.endWriting(pendingRequest: requestID)
            state.disarm()
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count + 1)
        bytes.append(contentsOf: line)
        bytes.append(0x0A)
        do {
            var offset = 0
            while offset < bytes.count {
                let written = try await writer.write(offset == 0 ? bytes : Array(bytes[offset...]))
                guard written > 0 else { return false }
                offset += written
            }
            return true
        } catch {
            return false
        }
    }

    /// Starts the overall deadline of the request being sent: progress notifications do not extend it.
    func startOverallDeadline(_ limit: Duration) { state.startOverallDeadline(limit) }

    /// Ends the overall deadline once the request is answered.
    func endOverallDeadline() { state.endOverallDeadline() }

    /// Closes the plugin's standard input.
    func closeInput() async {
        try? await writer.finish()
    }
}

/// How a plugin process ended.
struct PluginProcessOutcome<Value: Sendable>: Sendable {
    var value: Value?
    /// Messages and lines the plugin wrote after the conversation was over.
    var leftovers: [PluginOutput]
    var status: TerminationStatus?
    var timedOut: Duration?
    var stderrTail: String
    var launchError: String?
    /// Whether processes the plugin started were still running after it exited (they were killed).
    var leftProcessesBehind = false
    /// Whether the host stopped the plugin (time-out, output limit) rather than the plugin ending by itself.
    var wasStoppedByHost = false
    /// Whether the time-out was the request's overall deadline rather than a quiet spell.
    var timedOutOverall = false
    /// Whether SIGTERM did not end the plugin within the grace period, so it was killed with SIGKILL.
    var neededKill = false
}

/// Starts plugin processes in their own session (so their whole process group can be signalled), drains their
/// standard output and error concurrently from the start (``PluginOutputReader``, on a thread of its own), enforces
/// time-outs with a teardown of the group (SIGTERM, grace, SIGKILL), and kills any process left in the group on every exit path.
enum PluginProcess {
    /// Runs a plugin process for the length of a conversation.
    ///
    /// - Parameters:
    ///   - started: Told the process id once the plugin runs (it leads its own process group).
    static func run<Value: Sendable>(
        _ spec: PluginSpec, started: (@Sendable (pid_t) -> Void)? = nil,
        conversation: @escaping (inout HostChannel) async -> Value
    ) async -> PluginProcessOutcome<Value> {
        PluginSignals.ignoreSIGPIPE()
        let state = PluginProcessState(stderrLimit: spec.limits.stderrTailBytes)
        let workingDirectory = TemporaryFolder.make(prefix: "curriculum-plugin")
        defer {
            if let workingDirectory { TemporaryFolder.removeLater(workingDirectory) }
        }
        var options = PlatformOptions()
        options.createSession = true
        let teardown: [TeardownStep] = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: spec.limits.terminationGrace),
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200)),
        ]
        options.teardownSequence = teardown
        let limits = spec.limits
        guard let outputPipe = PluginOutputReader.makePipe() else {
            return PluginProcessOutcome(
                value: nil, leftovers: [], status: nil, timedOut: nil, stderrTail: "",
                launchError: "could not create a pipe: \(String(cString: strerror(errno)))")
        }
        guard let errorPipe = PluginOutputReader.makePipe() else {
            close(outputPipe.read)
            close(outputPipe.write)
            return PluginProcessOutcome(
                value: nil, leftovers: [], status: nil, timedOut: nil, stderrTail: "",
                launchError: "could not create a pipe: \(String(cString: strerror(errno)))")
        }
        // A limit the reader thread notices stops the plugin on a task of its own; the run waits for that stop
        // before it reports, so the outcome records whether SIGKILL was needed.
        let reader = PluginOutputReader(
            output: outputPipe.read, error: errorPipe.read, limits: limits, state: state
        ) {
            state.stopOnce {
                state.markStoppedByHost()
                await stop(state, grace: limits.terminationGrace)
            }
        }
        var readerStarted = false
        do {
            let result = try await Subprocess.run(
                .path(FilePath(spec.executable)),
                arguments: Arguments(spec.arguments),
                environment: .custom(PluginEnvironment.current),
                workingDirectory: workingDirectory.map { FilePath($0) },
                platformOptions: options,
                input: .inputWriter,
                output: .fileDescriptor(FileDescriptor(rawValue: outputPipe.write), closeAfterSpawningProcess: true),
                error: .fileDescriptor(FileDescriptor(rawValue: errorPipe.write), closeAfterSpawningProcess: true)
            ) { execution -> (Value, [PluginOutput]) in
                state.processGroup = execution.processIdentifier.value
                LivePluginGroups.insert(execution.processIdentifier.value)
                readerStarted = true
                started?(execution.processIdentifier.value)
                reader.start(process: execution.processIdentifier.value)
                async let _ = watch(state) {
                    state.markStoppedByHost()
                    // The contract's order: $/cancel, close stdin, a grace period, then signals to the group.
                    if let id = state.cancellableRequest {
                        _ = try? await execution.standardInputWriter.write(Array(PluginProcess.cancelLine(id)))
                        try? await execution.standardInputWriter.finish()
                        try? await Task.sleep(for: limits.terminationGrace)
                    }
                    await stop(state, grace: limits.terminationGrace)
                }
                var channel = HostChannel(reader: reader, writer: execution.standardInputWriter, state: state)
                let value = await conversation(&channel)
                await channel.closeInput()
                var leftovers: [PluginOutput] = []
                while true {
                    let output = await channel.next(within: limits.exitGrace)
                    if case .end = output { break }
                    leftovers.append(output)
                }
                state.arm(limits.exitGrace)
                await reader.finished()
                await state.stopped()
                state.disarm()
                state.finish()
                // The watchdog is cancelled when this scope ends; awaiting it here would wait out its sleep.
                return (value, leftovers)
            }
            // What the host's own stop killed was not left behind by the plugin.
            let leftBehind = !state.wasStoppedByHost && groupIsAlive(state.processGroup)
            killGroup(state.processGroup)
            LivePluginGroups.remove(state.processGroup)
            return PluginProcessOutcome(
                value: result.closureResult.0, leftovers: result.closureResult.1, status: result.terminationStatus,
                timedOut: state.timedOut, stderrTail: state.stderrTail, leftProcessesBehind: leftBehind,
                wasStoppedByHost: state.wasStoppedByHost, timedOutOverall: state.timedOutOverall,
                neededKill: state.neededKill)
        } catch {
            if readerStarted { reader.shutDown() } else { reader.closeUnstarted() }
            killGroup(state.processGroup)
            LivePluginGroups.remove(state.processGroup)
            return PluginProcessOutcome(
                value: nil, leftovers: [], status: nil, timedOut: state.timedOut, stderrTail: state.stderrTail,
                launchError: "\(error)")
        }
    }

    /// The index of the next `\n` at or after `start`, found with `memchr` (large messages are tens of megabytes).
    static func indexOfNewline(in bytes: Data, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, buffer.count - start) else {
                return nil
            }
            return UnsafeRawPointer(found) - base
        }
    }

    /// SIGTERM to the plugin's process group, a grace period, then SIGKILL if anything in the group still runs —
    /// recorded, so the failure can say the plugin ignored SIGTERM.
    private static func stop(_ state: PluginProcessState, grace: Duration) async {
        guard let group = state.processGroup, group > 1 else { return }
        guard kill(-group, SIGTERM) == 0 else { return }
        let end = ContinuousClock.now + grace
        while ContinuousClock.now < end {
            if !ProcessTable.hasLiveMember(ofGroup: group) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        if ProcessTable.hasLiveMember(ofGroup: group) {
            state.markKilled()
            kill(-group, SIGKILL)
            for _ in 0..<100 where ProcessTable.hasLiveMember(ofGroup: group) {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Whether any process is still in the plugin's process group.
    private static func groupIsAlive(_ group: pid_t?) -> Bool {
        guard let group, group > 1 else { return false }
        return kill(-group, 0) == 0
    }

    /// Kills whatever is left in the plugin's process group (background children it started), and waits
    /// briefly until the kernel reports the group gone, so "no process left behind" holds when the host exits.
    private static func killGroup(_ group: pid_t?) {
        guard let group, group > 1 else { return }
        guard kill(-group, SIGKILL) == 0 else { return }
        for _ in 0..<100 where ProcessTable.hasLiveMember(ofGroup: group) {
            usleep(5_000)
        }
    }

    private static func watch(_ state: PluginProcessState, teardown: () async -> Void) async {
        while !Task.isCancelled && !state.isFinished {
            if state.checkExpired() {
                await teardown()
                return
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

extension PluginProcess {
    /// `{"jsonrpc":"2.0","method":"$/cancel","params":{"id":N}}` and a newline.
    static func cancelLine(_ id: Int) -> Data {
        Data(#"{"jsonrpc":"2.0","method":"$/cancel","params":{"id":\#(id)}}"#.utf8 + [0x0A])
    }
}

/// The process groups of the plugins running now, so an interrupted host can stop them all before it exits.
public enum LivePluginGroups {
    private static let groups = Mutex<Set<pid_t>>([])

    static func insert(_ group: pid_t) {
        _ = groups.withLock { $0.insert(group) }
    }

    static func remove(_ group: pid_t?) {
        guard let group else { return }
        _ = groups.withLock { $0.remove(group) }
    }

    /// Kills every running plugin's process group (used on Ctrl-C and SIGTERM).
    public static func killAll() {
        for group in groups.withLock({ $0 }) where group > 1 { kill(-group, SIGKILL) }
    }
}

/// The environment a plugin starts with: the protocol's variables and an allow-list of the parent's.
enum PluginEnvironment {
    static let inherited: Set<String> = ["PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "USER", "CI"]
    static let inheritedPrefixes = ["GITHUB_", "GITLAB_", "CI_", "RUNNER_", "BUILDKITE", "JENKINS_"]
    /// CI variables that hold credentials are never passed on, even when their prefix is allowed.
    static let secretMarkers = ["TOKEN", "PASSWORD", "SECRET", "KEY", "CREDENTIAL", "AUTH"]

    static func isPassedOn(_ key: String) -> Bool {
        guard inherited.contains(key) || inheritedPrefixes.contains(where: key.hasPrefix) else { return false }
        let upper = key.uppercased()
        return !secretMarkers.contains { upper.contains($0) }
    }

    /// The variables, worked out once: the host's own environment does not change while it runs.
    static let current = variables()

    static func variables() -> [Environment.Key: String] {
        var result: [Environment.Key: String] = [:]
        for (key, value) in ProcessInfo.processInfo.environment where isPassedOn(key) {
            result[Environment.Key(stringLiteral: key)] = value
        }
        result[Environment.Key(stringLiteral: PluginProtocol.environmentVersionKey)] = "1"
        result[Environment.Key(stringLiteral: PluginProtocol.environmentCoreVersionKey)] = ToolVersion.current
        result["PYTHONUNBUFFERED"] = "1"
        result["NO_COLOR"] = "1"
        return result
    }
}

/// Process-wide signal settings the host needs.
enum PluginSignals {
    /// Writing to a plugin that already exited must fail with EPIPE, not kill the host with SIGPIPE (exit 141).
    static func ignoreSIGPIPE() {
        _ = once
    }

    private static let once: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}

/// Private temporary folders.
enum TemporaryFolder {
    /// Removes a plugin's working folder after the call has returned, on a queue of its own: removing a folder
    /// that was a process's working directory took about 0.2 ms here, half the bare spawn of a plugin, and the
    /// caller has no need to wait for it. Whatever is still queued is removed before the host exits.
    static func removeLater(_ path: String) {
        _ = drainsAtExit
        removals.async {
            // Most plugins leave their working folder empty: one rmdir, and a recursive removal only when needed.
            if rmdir(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Waits until every folder queued by ``removeLater(_:)`` is removed.
    static func finishRemovals() {
        removals.sync {}
    }

    private static let removals = DispatchQueue(label: "curriculum.plugin-folder-removal")

    private static let drainsAtExit: Bool = {
        atexit { TemporaryFolder.finishRemovals() }
        return true
    }()

    static func make(prefix: String) -> String? {
        make(in: NSTemporaryDirectory(), prefix: prefix)
    }

    /// A new folder with a unique name, mode 0700, inside a given folder.
    static func make(in folder: String, prefix: String) -> String? {
        var template = Array((folder + "/\(prefix)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let pointer = mkdtemp(base) else { return nil }
            return String(cString: pointer)
        }
        return created
    }
}

/// Reads the process table to tell live processes from zombies waiting to be reaped by init.
enum ProcessTable {
    /// Whether a process other than a zombie is in the group.
    static func hasLiveMember(ofGroup group: pid_t) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
            return kill(-group, 0) == 0
        }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After the command name: state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let pgrp = pid_t(fields[2]) else { continue }
            if pgrp == group && fields[0] != "Z" && fields[0] != "X" { return true }
        }
        return false
    }
}
