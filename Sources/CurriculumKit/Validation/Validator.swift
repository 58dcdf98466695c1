public import CurriculumModel
import Foundation

/// The outcome of validating one or more curricula.
public struct ValidationReport: Sendable {
    /// Every diagnostic, with display paths, in report order, without duplicates.
    public var diagnostics: [Diagnostic]
    /// Every file that was checked, as display paths, sorted.
    public var files: [String]

    /// Creates a report.
    public init(diagnostics: [Diagnostic], files: [String]) {
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Counts by severity.
    public var summary: DiagnosticSummary { DiagnosticSummary(diagnostics, files: files.count) }
}

/// Runs the whole validation: discovery, loading, schema, rules; independent programmes concurrently.
public struct Validator: Sendable {
    /// Severity changes from the command line; they apply on top of every configuration file.
    public var commandLinePolicy: SeverityPolicy
    /// A configuration given with `--config`; when `nil`, each curriculum root's `curriculum.json` applies.
    public var configuration: Configuration?
    /// How many programmes to validate at once.
    public var concurrency: Int

    /// Creates a validator.
    public init(commandLinePolicy: SeverityPolicy = SeverityPolicy(), configuration: Configuration? = nil, concurrency: Int? = nil) {
        self.commandLinePolicy = commandLinePolicy
        self.configuration = configuration
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Validates the documents under some paths.
    ///
    /// - Parameters:
    ///   - paths: Files and folders.
    ///   - progress: Called after each document with the number done and the total.
    /// - Throws: ``DiscoveryError`` or ``ConfigurationError`` for unusable paths and configuration files.
    public func validate(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> ValidationReport {
        let units = try CurriculumDiscovery.units(for: paths)
        let primary = units.filter(\.isPrimary)
        var results = try await run(primary, progress: progress, total: units.count)
        let reached = Set(results.flatMap { result in result.files.map { result.root.absolute($0) } })
        let orphans = units.filter { !$0.isPrimary && !reached.contains($0.path) }
        results += try await run(orphans, progress: progress, total: units.count, offset: primary.count)
        return merge(results)
    }

    /// Loads and validates one programme, returning the loaded model beside the diagnostics.
    public func validate(programmeAt path: String) throws(ConfigurationError) -> (LoadedCurriculum, [Diagnostic]) {
        let root = CurriculumRoot.find(for: path)
        let policy = try self.policy(for: root)
        var loaded = CurriculumLoader(policy: policy).load(programmeAt: path, root: root)
        loaded.diagnostics = Self.displayed(loaded.diagnostics + rules(loaded, policy: policy), root: root)
        return (loaded, loaded.diagnostics)
    }

    // MARK: - Steps

    private struct UnitResult: Sendable {
        var root: CurriculumRoot
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    private func run(_ units: [CurriculumDiscovery.Unit], progress: (@Sendable (Int, Int) -> Void)?, total: Int, offset: Int = 0) async throws -> [UnitResult] {
        var results: [UnitResult] = []
        try await withThrowingTaskGroup(of: UnitResult.self) { group in
            var next = 0
            func start() {
                guard next < units.count else { return }
                let unit = units[next]
                next += 1
                group.addTask { try self.validateUnit(unit) }
            }
            for _ in 0..<min(concurrency, units.count) { start() }
            while let result = try await group.next() {
                results.append(result)
                progress?(offset + results.count, total)
                start()
            }
        }
        return results
    }

    private func validateUnit(_ unit: CurriculumDiscovery.Unit) throws(ConfigurationError) -> UnitResult {
        let root = CurriculumRoot.find(for: unit.path)
        let policy = try self.policy(for: root)
        let loaded = CurriculumLoader(policy: policy).load(programmeAt: unit.path, root: root)
        let diagnostics = Self.displayed(loaded.diagnostics + rules(loaded, policy: policy), root: root)
        return UnitResult(root: root, files: loaded.files, diagnostics: diagnostics)
    }

    private func rules(_ loaded: LoadedCurriculum, policy: SeverityPolicy) -> [Diagnostic] {
        guard let curriculum = loaded.curriculum else { return [] }
        let context = ValidationContext(curriculum: curriculum, root: loaded.root)
        var collector = DiagnosticCollector(policy: policy)
        for ruleSet in RuleSets.all { ruleSet.check(context, into: &collector) }
        return collector.diagnostics
    }

    private func policy(for root: CurriculumRoot) throws(ConfigurationError) -> SeverityPolicy {
        var policy: SeverityPolicy
        if let configuration {
            policy = try configuration.policy()
        } else {
            let path = root.absolute(NativeFormatName.configuration)
            policy = FileManager.default.fileExists(atPath: path) ? try Configuration.load(from: path).policy(path: path) : SeverityPolicy()
        }
        policy.ignored.formUnion(commandLinePolicy.ignored)
        policy.overrides.merge(commandLinePolicy.overrides) { _, new in new }
        return policy
    }

    private func merge(_ results: [UnitResult]) -> ValidationReport {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for diagnostic in results.flatMap(\.diagnostics).sorted(by: Diagnostic.reportOrder) {
            let location = diagnostic.location
            // The schema and the rules can both see a bad duration or time; one report per place is enough.
            let key = "\(diagnostic.code)|\(location?.path ?? "")|\(location?.line ?? 0)|\(["TIM001", "TIM011"].contains(diagnostic.code) ? "" : diagnostic.message)"
            if seen.insert(key).inserted { diagnostics.append(diagnostic) }
        }
        let files = Set(results.flatMap { result in result.files.map { DisplayPath.of(result.root.absolute($0)) } })
        return ValidationReport(diagnostics: diagnostics, files: files.sorted())
    }

    /// Rewrites root-relative locations as paths a user can open from the current folder.
    static func displayed(_ diagnostics: [Diagnostic], root: CurriculumRoot) -> [Diagnostic] {
        diagnostics.map {
            var diagnostic = $0
            if let location = diagnostic.location {
                diagnostic.location?.path = DisplayPath.of(location.path.hasPrefix("/") ? location.path : root.absolute(location.path))
            }
            return diagnostic
        }
    }
}

/// Paths as users see them: relative to the current folder when inside it, absolute otherwise.
public enum DisplayPath {
    /// The display form of an absolute path.
    public static func of(_ absolutePath: String) -> String {
        let current = CurriculumRoot.canonical(FileManager.default.currentDirectoryPath)
        if absolutePath.hasPrefix(current + "/") { return String(absolutePath.dropFirst(current.count + 1)) }
        return absolutePath
    }
}
