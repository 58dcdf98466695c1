public import CurriculumPluginKit
import Foundation

/// Which plugin handles which format: every candidate is asked for its capabilities with a handshake, all at once.
public enum FormatCatalogue {
    /// The plugins by format: the configuration's plugins first, then bundled and installed ones; the first plugin
    /// to offer a format keeps it. Plugins that fail the handshake are left out.
    ///
    /// - Parameters:
    ///   - configured: Plugins from `curriculum.json` or the command line.
    ///   - formats: The formats a plugin offers for the job at hand (export or import).
    public static func plugins(
        configured: [PluginSpec], formats: @escaping @Sendable (Capabilities) -> [String]
    ) async -> [String: PluginSpec] {
        let specs =
            configured
            + PluginDiscovery.installed().filter { installed in
                !configured.contains { $0.executable == installed.executable }
            }
        let handshakes = await withTaskGroup(of: (Int, InitializeResult?).self) { group in
            for (index, spec) in specs.enumerated() {
                group.addTask {
                    do throws(PluginFailure) { return (index, try await PluginHost().handshake(spec)) } catch {
                        return (index, nil)
                    }
                }
            }
            return await group.reduce(into: [Int: InitializeResult]()) { if let result = $1.1 { $0[$1.0] = result } }
        }
        var plugins: [String: PluginSpec] = [:]
        for (index, spec) in specs.enumerated() {
            guard let handshake = handshakes[index] else { continue }
            for format in formats(handshake.capabilities) where plugins[format] == nil {
                var named = spec
                named.name = handshake.plugin.name
                plugins[format] = named
            }
        }
        return plugins
    }
}
