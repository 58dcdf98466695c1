import CurriculumPluginKit
import Synchronization

/// Keeps the warnings the host gives about a plugin, so `plugins check` can fail on them.
final class CollectingObserver: PluginObserver {
    private let collected = Mutex<[String]>([])

    func progress(plugin: String, _ params: ProgressParams) {}

    func warning(plugin: String, _ message: String) {
        collected.withLock { $0.append(message) }
    }

    var warnings: [String] { collected.withLock { $0 } }
}
