import Foundation
import Synchronization

/// Stops a child process that outlives its time limit: SIGINT first (the binary then stops its plugins' process
/// groups as on Ctrl-C), SIGKILL two seconds later if it is still there.
final class Watchdog: Sendable {
    private let state = Mutex<(armed: Bool, fired: Bool)>((armed: true, fired: false))

    /// Arms a watchdog for a running process.
    init(process: Process, limit: Double) {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self] in
            guard fire() else { return }
            kill(pid, SIGINT)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
                if state.withLock({ $0.armed }) { kill(pid, SIGKILL) }
            }
        }
    }

    /// Whether the limit was reached before the process exited.
    var fired: Bool { state.withLock { $0.fired } }

    /// Called once the process has exited; a later expiry then does nothing (its pid may be reused).
    func disarm() { state.withLock { $0.armed = false } }

    private func fire() -> Bool {
        state.withLock { state in
            guard state.armed else { return false }
            state.fired = true
            return true
        }
    }
}
