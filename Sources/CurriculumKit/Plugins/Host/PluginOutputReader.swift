import CurriculumPluginKit
import Foundation
import Synchronization

/// Reads a plugin's standard output and standard error on a thread of its own, with `poll(2)` and blocking
/// `read(2)`, splits the output into lines and hands each message to the conversation.
///
/// Why a thread: a message then reaches the waiting conversation with one continuation resume. Reading through
/// an asynchronous sequence took two hops through the cooperative pool per message (the I/O thread woke a reading
/// task, which yielded into a stream the conversation awaited), and on a busy machine each hop waits its turn.
/// Both pipes are still drained from the start, so a plugin never blocks on a full pipe, and the limits on line
/// length and output are enforced as the bytes arrive.
final class PluginOutputReader: Sendable {
    private struct Mailbox {
        var queue: [PluginOutput] = []
        var head = 0
        var waiter: CheckedContinuation<PluginOutput, Never>?
        var outputEnded = false
        var threadEnded = false
        var endWaiters: [CheckedContinuation<Void, Never>] = []
        var isShutDown = false
    }

    private let mailbox = Mutex(Mailbox())
    private let output: Int32
    private let error: Int32
    private let limits: PluginLimits
    private let state: PluginProcessState
    /// Called on the reader thread when a limit was exceeded: the host stops the plugin.
    private let onLimit: @Sendable () -> Void

    /// - Parameters:
    ///   - output: The read end of the plugin's standard output pipe; the reader closes it.
    ///   - error: The read end of its standard error pipe; the reader closes it.
    init(
        output: Int32, error: Int32, limits: PluginLimits, state: PluginProcessState,
        onLimit: @escaping @Sendable () -> Void
    ) {
        self.output = output
        self.error = error
        self.limits = limits
        self.state = state
        self.onLimit = onLimit
    }

    /// Starts the reading thread, which owns both descriptors from now on.
    ///
    /// - Parameter process: The plugin's process id. Once it has exited, what is in the pipes is read and the
    ///   output ends, even if a process it left behind still holds them open.
    func start(process: pid_t) {
        let thread = Thread { [self] in run(process: process) }
        thread.name = "curriculum-plugin-reader"
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// A pipe whose ends are closed on exec, so no other child inherits them; `nil` when none can be made.
    /// (Children are spawned with every descriptor above the standard three closed as well.)
    static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Closes both descriptors when the reader was never started (the plugin could not be launched).
    func closeUnstarted() {
        close(output)
        close(error)
    }

    /// The next line the plugin wrote, or `.end` once its standard output is closed and every line was taken —
    /// or once the waiting task is cancelled, as an asynchronous stream ends then.
    func next() async -> PluginOutput {
        if Task.isCancelled { return .end }
        if let ready = mailbox.withLock({ Self.take(&$0) }) { return ready }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = mailbox.withLock { box -> PluginOutput? in
                    if let ready = Self.take(&box) { return ready }
                    // Checked under the lock: a cancellation after this finds the waiter and resumes it.
                    if Task.isCancelled { return .end }
                    box.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = mailbox.withLock { box -> CheckedContinuation<PluginOutput, Never>? in
                defer { box.waiter = nil }
                return box.waiter
            }
            waiter?.resume(returning: .end)
        }
    }

    /// Waits until both pipes are closed (or the reader was shut down) and the thread has ended.
    func finished() async {
        await withCheckedContinuation { continuation in
            let done = mailbox.withLock { box -> Bool in
                if box.threadEnded { return true }
                box.endWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Makes the thread stop within a poll interval even when the pipes stay open (something outside the
    /// plugin's process group still holds them).
    func shutDown() {
        mailbox.withLock { $0.isShutDown = true }
    }

    private static func take(_ box: inout Mailbox) -> PluginOutput? {
        if box.head < box.queue.count {
            let item = box.queue[box.head]
            box.head += 1
            if box.head == box.queue.count {
                box.queue.removeAll(keepingCapacity: true)
                box.head = 0
            }
            return item
        }
        return box.outputEnded ? .end : nil
    }

    private func deliver(_ item: PluginOutput) {
        let waiter = mailbox.withLock { box -> CheckedContinuation<PluginOutput, Never>? in
            if let waiter = box.waiter, box.head == box.queue.count {
                box.waiter = nil
                return waiter
            }
            box.queue.append(item)
            return nil
        }
        waiter?.resume(returning: item)
    }

    private func endOutput() {
        let waiter = mailbox.withLock { box -> CheckedContinuation<PluginOutput, Never>? in
            box.outputEnded = true
            // A waiter only waits on an empty queue (lines are handed to it directly).
            defer { box.waiter = nil }
            return box.waiter
        }
        waiter?.resume(returning: .end)
    }

    // MARK: - The thread

    private func run(process: pid_t) {
        var lines = LineSplitter(limits: limits)
        var fds = [
            pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: error, events: Int16(POLLIN), revents: 0),
        ]
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        while fds[0].fd >= 0 || fds[1].fd >= 0 {
            if mailbox.withLock({ $0.isShutDown }) { break }
            // Data and end of file wake the poll at once; the timeout only lets the thread notice a shut-down, and
            // a plugin that exited while something it started still holds its pipes.
            let ready = poll(&fds, nfds_t(fds.count), 10)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else {
                if ready == 0 && Self.hasExited(process) {
                    drainReadable(&fds, into: &lines, buffer: buffer)
                    break
                }
                continue
            }
            readReady(&fds, into: &lines, buffer: buffer)
        }
        for pipe in fds where pipe.fd >= 0 { close(pipe.fd) }
        if !mailbox.withLock({ $0.outputEnded }) { finishOutput(&lines) }
        let waiters = mailbox.withLock { box -> [CheckedContinuation<Void, Never>] in
            box.threadEnded = true
            defer { box.endWaiters = [] }
            return box.endWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether the process has exited (it stays a zombie until the run reaps it, so this does not reap it).
    private static func hasExited(_ process: pid_t) -> Bool {
        guard process > 0 else { return false }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(process), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        return info._sifields._sigchld.si_pid == process
    }

    /// Reads what is in the pipes now without waiting for more, a bounded number of times.
    private func drainReadable(
        _ fds: inout [pollfd], into lines: inout LineSplitter, buffer: UnsafeMutableRawBufferPointer
    ) {
        for _ in 0..<1024 {
            guard fds[0].fd >= 0 || fds[1].fd >= 0 else { return }
            let ready = poll(&fds, nfds_t(fds.count), 0)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return }
            readReady(&fds, into: &lines, buffer: buffer)
        }
    }

    /// One read from each pipe the poll reported; a pipe at end of file is closed.
    private func readReady(
        _ fds: inout [pollfd], into lines: inout LineSplitter, buffer: UnsafeMutableRawBufferPointer
    ) {
        let capacity = buffer.count
        for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
            let count = read(fds[index].fd, buffer.baseAddress, capacity)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else {
                close(fds[index].fd)
                fds[index].fd = -1
                if index == 0 { finishOutput(&lines) }
                continue
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            if index == 0 {
                receive(bytes, into: &lines)
            } else {
                state.appendStderr(bytes)
            }
        }
    }

    private func receive(_ bytes: UnsafeRawBufferPointer, into lines: inout LineSplitter) {
        let total = state.countOutput(bytes.count)
        guard !lines.isDiscarding else { return }
        lines.append(bytes) { deliver($0) }
        if lines.pendingCount > limits.maxLineBytes {
            deliver(.lineTooLong)
            lines.isDiscarding = true
            onLimit()
        } else if total > limits.maxOutputBytes {
            deliver(.tooMuchOutput)
            lines.isDiscarding = true
            onLimit()
        }
    }

    private func finishOutput(_ lines: inout LineSplitter) {
        lines.flush { deliver($0) }
        endOutput()
    }
}
