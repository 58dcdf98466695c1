import CurriculumKit
import Dispatch
import Foundation

/// Ctrl-C, SIGTERM and SIGHUP stop every running plugin's process group before the command exits, so no plugin
/// or child of one outlives an interrupted run; half-written staging folders are removed, published packs are left
/// as they are.
enum InterruptHandling {
    static func install() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                LivePluginGroups.killAll()
                StagingFolders.removeAll()
                Terminal.standardError.write("\ninterrupted; plugins were stopped\n")
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }
}
