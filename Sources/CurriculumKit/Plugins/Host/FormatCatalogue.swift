public import CurriculumPluginKit
import Foundation

/// Which plugin handles which format, found lazily: plugins are asked in discovery order (configured, bundled,
/// `PATH`), a tier at a time, and asking stops as soon as every wanted format has a plugin. Handshakes of bundled
/// and installed plugins come from the ``HandshakeCache`` when the executable has not changed.
public enum FormatCatalogue {
    /// How long an installed plugin that was not asked for by name may take to answer the handshake.
    static let discoveryHandshakeTimeout: Duration = .seconds(3)

    /// The plugins by format: the configuration's plugins first, then bundled and installed ones; the first plugin
    /// to offer a format keeps it. Plugins that fail the handshake are left out; an installed one that fails is
    /// named once in a warning (through the observer) and remembered, so it does not slow the next run.
    ///
    /// - Parameters:
    ///   - configured: Plugins from `curriculum.json` or the command line.
    ///   - wanted: The formats the run needs; `nil` for every format any plugin offers (all are asked).
    ///   - observer: Receives the warnings about installed plugins that failed.
    ///   - cache: Where handshakes are remembered.
    ///   - formats: The formats a plugin offers for the job at hand (export or import).
    public static func plugins(
        configured: [PluginSpec], wanted: Set<String>? = nil, observer: (any PluginObserver)? = nil,
        cache: HandshakeCache = HandshakeCache(),
        formats: @escaping @Sendable (Capabilities) -> [String]
    ) async -> [String: PluginSpec] {
        await answers(configured: configured, wanted: wanted, observer: observer, cache: cache, formats: formats)
            .plugins
    }

    /// Like ``plugins(configured:wanted:observer:cache:formats:)``, with the handshakes of the plugins that were
    /// asked, in discovery order.
    public static func answers(
        configured: [PluginSpec], wanted: Set<String>? = nil, observer: (any PluginObserver)? = nil,
        cache: HandshakeCache = HandshakeCache(),
        formats: @escaping @Sendable (Capabilities) -> [String]
    ) async -> (plugins: [String: PluginSpec], handshakes: [InitializeResult]) {
        var answered: [InitializeResult] = []
        let installed = PluginDiscovery.installed().filter { installed in
            !configured.contains { $0.executable == installed.executable }
        }
        let tiers = [configured, installed.filter { $0.origin == .bundled }, installed.filter { $0.origin == .path }]
        var cache = cache
        var plugins: [String: PluginSpec] = [:]
        for tier in tiers {
            if let wanted, wanted.isSubset(of: Set(plugins.keys)) { break }
            let handshakes = await handshakes(of: tier, cache: &cache, observer: observer)
            for (index, spec) in tier.enumerated() {
                guard let handshake = handshakes[index] else { continue }
                answered.append(handshake)
                for format in formats(handshake.capabilities) where plugins[format] == nil {
                    var named = spec
                    named.name = handshake.plugin.name
                    named.batchedFormats = Set(handshake.capabilities.export?.batched ?? [])
                    plugins[format] = named
                }
            }
        }
        cache.save()
        return (plugins, answered)
    }

    /// The handshakes of one tier, from the cache where it can, the rest all at once.
    private static func handshakes(
        of specs: [PluginSpec], cache: inout HandshakeCache, observer: (any PluginObserver)?
    ) async -> [Int: InitializeResult] {
        var results: [Int: InitializeResult] = [:]
        var live: [(Int, PluginSpec)] = []
        for (index, spec) in specs.enumerated() {
            // A configured entry with arguments or options of its own may answer differently from the executable
            // alone, so only a plain one shares the cached handshake (`{"name": "readability"}` does).
            // A remembered failure skips only a discovered plugin; a configured one is tried again.
            if answersAsDiscovered(spec), let entry = cache.entry(for: spec.executable),
                entry.handshake != nil || isCacheable(spec)
            {
                if let handshake = entry.handshake { results[index] = handshake }
                continue
            }
            live.append((index, spec))
        }
        let answers = await withTaskGroup(of: (Int, Result<InitializeResult, PluginFailure>).self) { group in
            for (index, spec) in live {
                var spec = spec
                if isCacheable(spec) {
                    spec.limits.handshakeTimeout = min(spec.limits.handshakeTimeout, discoveryHandshakeTimeout)
                }
                group.addTask {
                    do throws(PluginFailure) { return (index, .success(try await PluginHost().handshake(spec))) } catch
                    {
                        return (index, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [Int: Result<InitializeResult, PluginFailure>]()) { $0[$1.0] = $1.1 }
        }
        for (index, spec) in live {
            switch answers[index] {
            case .success(let handshake):
                results[index] = handshake
                if answersAsDiscovered(spec) { cache.record(spec.executable, handshake: handshake, failure: nil) }
            case .failure(let failure):
                guard isCacheable(spec) else { continue }
                cache.record(spec.executable, handshake: nil, failure: failure.description)
                observer?.warning(
                    plugin: spec.name,
                    "\(failure.description) — it is skipped (found on \(spec.origin.description) at \(spec.executable)); it will not be started again until it changes"
                )
            case .none: continue
            }
        }
        return results
    }

    /// Found without a configuration: its handshake, or its failure, is remembered, and a failure only warns.
    private static func isCacheable(_ spec: PluginSpec) -> Bool {
        spec.arguments.isEmpty && (spec.origin == .bundled || spec.origin == .path)
    }

    /// Started exactly as discovery starts it (no arguments, no options), so a remembered handshake of the same
    /// executable is its handshake too. A configured plugin's failure is never remembered: it was asked for, so
    /// it is tried, and reported, every time.
    private static func answersAsDiscovered(_ spec: PluginSpec) -> Bool {
        spec.arguments.isEmpty && spec.options.isEmpty
    }
}
