import CurriculumPluginKit
import Foundation

/// What one incremental validation did, beside its report.
public struct IncrementalRun: Sendable {
    /// The findings: the same as a full validation of the same files would report.
    public var report: ValidationReport
    /// Documents validated on their own: programmes, and documents no programme includes.
    public var documents: Int
    /// How many of them were validated again (the others' findings were kept).
    public var revalidated: Int
    /// Files parsed, and files whose parsed tree was reused.
    public var parsed: Int
    public var reused: Int
    /// How long the validation took.
    public var elapsed: Duration
}

/// Validation repeated as files change, doing again only what a change can affect.
///
/// It keeps three things between runs:
/// - each file's parsed and schema-checked tree with the findings of reading it (``DocumentCache``), used while
///   the file's fingerprint is unchanged, so only changed files are parsed;
/// - each document's root element name, so folders are sorted into programmes without reading unchanged files;
/// - each programme's (and each stray document's) findings, with the files it read. Cross-file rules (includes,
///   references, IDs, timing) work on one programme's whole model, so a programme is validated again, from the
///   cached trees of its unchanged files, when a file it read is modified or when any file under its curriculum
///   root appears or disappears (an include or a resource may now be found, or lost). Other programmes keep their
///   findings.
///
/// A change to a `curriculum.json`, or a call without ``FileChanges``, validates every programme again (still
/// parsing only the files that changed). The report equals that of ``Validator/validate(paths:progress:)``.
public actor IncrementalValidator {
    private struct Cached {
        var result: Validator.UnitResult
        var isPrimary: Bool
        /// The absolute paths of the files the document read.
        var dependencies: Set<String>
    }

    private struct KnownRoot {
        var fingerprint: FileFingerprint?
        var name: String?
    }

    private let paths: [String]
    private let validator: Validator
    private let cache: DocumentCache
    private var search: CurriculumDiscovery.Search?
    private var rootNames: [String: KnownRoot] = [:]
    private var results: [String: Cached] = [:]

    /// Creates a validator for some paths.
    ///
    /// - Parameters:
    ///   - paths: Files and folders, as for ``Validator/validate(paths:progress:)``.
    ///   - validator: The settings (policy, configuration, plugins); its document cache is replaced by `cache`.
    ///   - cache: The parsed documents kept between runs.
    public init(paths: [String], validator: Validator = Validator(), cache: DocumentCache = DocumentCache()) {
        self.paths = paths
        var validator = validator
        validator.documentCache = cache
        self.validator = validator
        self.cache = cache
    }

    /// Validates, doing again only what the changes can affect.
    ///
    /// - Parameter changes: What changed since the last call (every file under the paths that appeared,
    ///   disappeared or was saved); `nil` when unknown, which validates every programme again.
    /// - Throws: As ``Validator/validate(paths:progress:)``.
    public func validate(changes: FileChanges? = nil) async throws -> IncrementalRun {
        let clock = ContinuousClock()
        let start = clock.now
        _ = cache.takeCounts()
        let configurationChanged =
            changes?.all.contains { ($0 as NSString).lastPathComponent == NativeFormatName.configuration } ?? true
        if configurationChanged { results = [:] }
        let structural =
            search == nil || changes == nil || !(changes?.added.isEmpty ?? true)
            || !(changes?.removed.isEmpty ?? true)
        if structural || rootChanged(among: changes?.modified ?? []) {
            search = try discover()
        }
        let search = self.search ?? CurriculumDiscovery.Search(units: [], skipped: [])
        let changes = changes ?? FileChanges()

        let primary = search.units.filter(\.isPrimary)
        let stalePrimary = primary.filter { isStale($0, changes: changes) }
        try await refresh(stalePrimary)
        let primaryResults = primary.compactMap { results[$0.path]?.result }
        let reached = Set(primaryResults.flatMap { result in result.files.map { result.root.absolute($0) } })
        let orphans = search.units.filter { !$0.isPrimary && !reached.contains($0.path) }
        let staleOrphans = orphans.filter { isStale($0, changes: changes) }
        try await refresh(staleOrphans)
        let orphanResults = orphans.compactMap { results[$0.path]?.result }
        let current = Set(search.units.map(\.path))
        results = results.filter { current.contains($0.key) }

        let skipped = try search.skipped.map(validator.skippedEntryResult)
        let report = validator.merge(primaryResults + orphanResults + skipped)
        let counts = cache.takeCounts()
        return IncrementalRun(
            report: report, documents: primary.count + orphans.count,
            revalidated: stalePrimary.count + staleOrphans.count, parsed: counts.parsed, reused: counts.reused,
            elapsed: clock.now - start)
    }

    /// Whether a document's kept findings may no longer hold.
    private func isStale(_ unit: CurriculumDiscovery.Unit, changes: FileChanges) -> Bool {
        guard let cached = results[unit.path], cached.isPrimary == unit.isPrimary else { return true }
        if !cached.dependencies.isDisjoint(with: changes.modified) { return true }
        let inside = cached.result.root.path + "/"
        return changes.added.contains { $0.hasPrefix(inside) } || changes.removed.contains { $0.hasPrefix(inside) }
    }

    private func refresh(_ units: [CurriculumDiscovery.Unit]) async throws {
        guard !units.isEmpty else { return }
        for result in try await validator.run(units, progress: nil, total: units.count) {
            guard let path = result.unit, let unit = units.first(where: { $0.path == path }) else { continue }
            results[path] = Cached(
                result: result, isPrimary: unit.isPrimary,
                dependencies: Set(result.files.map { result.root.absolute($0) } + [path]))
        }
    }

    /// Whether a saved file now has another root element, which can make a programme of a module or the reverse.
    private func rootChanged(among modified: Set<String>) -> Bool {
        modified.contains { path in
            guard let known = rootNames[path] else { return false }
            return RootSniffer.rootName(ofFile: path) != known.name
        }
    }

    /// Searches the paths again, naming root elements only of files that are new or changed.
    private func discover() throws -> CurriculumDiscovery.Search {
        let known = rootNames
        var learnt: [String: KnownRoot] = [:]
        let search = try CurriculumDiscovery.search(paths) { files in
            var names = [String?](repeating: nil, count: files.count)
            var unknown: [Int] = []
            for (index, file) in files.enumerated() {
                let fingerprint = FileFingerprint.of(file)
                if let fingerprint, let before = known[file], before.fingerprint == fingerprint {
                    names[index] = before.name
                    learnt[file] = before
                } else {
                    unknown.append(index)
                    learnt[file] = KnownRoot(fingerprint: fingerprint, name: nil)
                }
            }
            let sniffed = RootSniffer.rootNames(ofFiles: unknown.map { files[$0] })
            for (index, name) in zip(unknown, sniffed) {
                names[index] = name
                learnt[files[index]]?.name = name
            }
            return names
        }
        rootNames = learnt
        return search
    }
}
