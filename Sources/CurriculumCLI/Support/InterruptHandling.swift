import CurriculumKit
import Dispatch
import Foundation
import Synchronization

/// Ctrl-C, SIGTERM and SIGHUP stop every running plugin's process group before the command exits, so no plugin
/// or child of one outlives an interrupted run; half-written staging folders are removed, published packs are left
/// as they are.
///
/// The exit status is always 128 + the signal: stopping the plugins makes the command's own work fail at the same
/// moment (a plugin "killed by signal 9"), and that failure must not win the race and exit with 3.
enum InterruptHandling {
    /// The signal received, or 0.
    private static let received = Atomic<Int32>(0)

    static func install() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard
                    received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
                        .exchanged
                else { return }
                LivePluginGroups.killAll()
                StagingFolders.removeAll()
                Terminal.standardError.write("\ninterrupted; plugins were stopped\n")
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Called before the command exits on its own: once a signal has arrived, the handler owns the exit (its
    /// status and its message), so the command waits for it instead of reporting what the interruption broke.
    static func yieldToInterruption() {
        guard received.load(ordering: .sequentiallyConsistent) != 0 else { return }
        while true { pause() }
    }
}
