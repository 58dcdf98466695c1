public import CurriculumModel
public import CurriculumPluginKit
public import Foundation

/// The outcome of validating one or more curricula.
public struct ValidationReport: Sendable {
    /// Every diagnostic, with display paths, in report order, without duplicates.
    public var diagnostics: [Diagnostic]
    /// Every file that was checked, as display paths, sorted.
    public var files: [String]
    /// The plugins that took part, as they introduced themselves (their declared rules describe their codes).
    public var plugins: [InitializeResult]

    /// Creates a report.
    public init(diagnostics: [Diagnostic], files: [String], plugins: [InitializeResult] = []) {
        self.diagnostics = diagnostics
        self.files = files
        self.plugins = plugins
    }

    /// Counts by severity.
    public var summary: DiagnosticSummary { DiagnosticSummary(diagnostics, files: files.count) }
}

/// Runs the whole validation: discovery, loading, schema, rules; independent programmes concurrently.
public struct Validator: Sendable {
    /// Severity changes from the command line; they apply on top of every configuration file.
    public var commandLinePolicy: SeverityPolicy
    /// A configuration given with `--config`; when `nil`, each curriculum root's `curriculum.json` applies if
    /// ``trust`` allows it.
    public var configuration: Configuration?
    /// The file `configuration` came from, for resolving relative plugin commands.
    public var configurationFile: String?
    /// Validator plugins from the command line; they run after the core rules and the configuration's plugins.
    public var plugins: [PluginSpec]
    /// How many programmes to validate at once.
    public var concurrency: Int
    /// Receives plugin progress.
    public var observer: (any PluginObserver)?
    /// Which `curriculum.json` files beside curricula are used; the others are not read at all.
    public var trust: ConfigurationTrust
    /// Where the configurations used and refused are recorded, for the command to report.
    public var configurationLog: ConfigurationLog?
    /// `--plugin-option` values, applied by plugin name over the configuration's options.
    public var pluginOptions = PluginOptions()
    /// Documents kept between validations that are repeated as files change (`validate --watch`, `preview`):
    /// unchanged files are not parsed again. `nil` parses every file, as a single run should.
    public var documentCache: DocumentCache?
    /// Whether validator plugins run after the core rules (see ``pluginDiagnostics(for:)``).
    public var runsPlugins = true

    /// Creates a validator.
    public init(
        commandLinePolicy: SeverityPolicy = SeverityPolicy(), configuration: Configuration? = nil,
        configurationFile: String? = nil, plugins: [PluginSpec] = [], concurrency: Int? = nil,
        observer: (any PluginObserver)? = nil, trust: ConfigurationTrust = .workingFolder(),
        configurationLog: ConfigurationLog? = nil
    ) {
        self.commandLinePolicy = commandLinePolicy
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.plugins = plugins
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        self.observer = observer
        self.trust = trust
        self.configurationLog = configurationLog
    }

    /// Validates the documents under some paths.
    ///
    /// - Parameters:
    ///   - paths: Files and folders.
    ///   - progress: Called after each document with the number done and the total.
    /// - Throws: ``DiscoveryError`` or ``ConfigurationError`` for unusable paths and configuration files;
    ///   ``PluginFailure`` when a plugin fails.
    public func validate(
        paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> ValidationReport {
        // The schema compiles on another core while the folders are searched.
        let schema = Task.detached { _ = CurriculumSchema.compiled }
        let search = try CurriculumDiscovery.search(paths)
        let units = search.units
        await schema.value
        let primary = units.filter(\.isPrimary)
        var results = try await run(primary, progress: progress, total: units.count)
        let reached = Set(results.flatMap { result in result.files.map { result.root.absolute($0) } })
        let orphans = units.filter { !$0.isPrimary && !reached.contains($0.path) }
        results += try await run(orphans, progress: progress, total: units.count, offset: primary.count)
        results += try search.skipped.map(skippedEntryResult)
        return merge(results)
    }

    /// A warning for a folder entry the search did not read, under the settings of the curriculum it is in.
    func skippedEntryResult(_ entry: CurriculumDiscovery.SkippedEntry) throws -> UnitResult {
        let folder = (entry.path as NSString).deletingLastPathComponent
        let root = CurriculumRoot.find(for: folder + "/" + NativeFormatName.configuration)
        var collector = DiagnosticCollector(policy: try settings(for: root).policy)
        let path = DisplayPath.of(entry.path)
        collector.report(
            FolderEntryNotRead.self, "\(path) is not read: \(entry.reason)", at: SourceLocation(path: path),
            hint: entry.hint)
        return UnitResult(root: root, files: [], diagnostics: collector.diagnostics)
    }

    /// Loads and validates one programme (core rules and plugins), returning the loaded model beside the
    /// diagnostics.
    public func validate(
        programmeAt path: String, deliveryFiles: [String] = []
    ) async throws -> (LoadedCurriculum, [Diagnostic]) {
        let root = CurriculumRoot.find(for: path)
        let settings = try self.settings(for: root)
        var loaded = CurriculumLoader(policy: settings.policy, cache: documentCache).load(
            programmeAt: path, root: root, deliveryFiles: deliveryFiles)
        let found = try await rules(loaded, settings: settings).diagnostics
        loaded.diagnostics = Self.displayed(loaded.diagnostics + found, root: root)
        return (loaded, loaded.diagnostics)
    }

    // MARK: - Steps

    /// What validating one document found: the files it read (root-relative) and its diagnostics.
    struct UnitResult: Sendable {
        var root: CurriculumRoot
        var files: [String]
        var diagnostics: [Diagnostic]
        var plugins: [InitializeResult] = []
        /// The document validated (absolute), when the result is for one.
        var unit: String? = nil
    }

    func run(
        _ units: [CurriculumDiscovery.Unit], progress: (@Sendable (Int, Int) -> Void)?, total: Int, offset: Int = 0
    ) async throws -> [UnitResult] {
        var results: [UnitResult] = []
        try await withThrowingTaskGroup(of: UnitResult.self) { group in
            var next = 0
            func start() {
                guard next < units.count else { return }
                let unit = units[next]
                next += 1
                group.addTask { try await self.validateUnit(unit) }
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

    private func validateUnit(_ unit: CurriculumDiscovery.Unit) async throws -> UnitResult {
        let root = CurriculumRoot.find(for: unit.path)
        let settings = try self.settings(for: root)
        let loaded = CurriculumLoader(policy: settings.policy, cache: documentCache).load(
            programmeAt: unit.path, root: root)
        let found = try await rules(loaded, settings: settings)
        let diagnostics = Self.displayed(loaded.diagnostics + found.diagnostics, root: root)
        return UnitResult(
            root: root, files: loaded.files, diagnostics: diagnostics, plugins: found.plugins, unit: unit.path)
    }

    /// The findings of the validator plugins alone on a loaded programme, as ``validate(programmeAt:deliveryFiles:)``
    /// adds them after the core rules: the preview validates with ``runsPlugins`` off and runs the plugins with
    /// this, while it renders the pages (it shows them only if the plugins find no error).
    ///
    /// - Parameter encodedModel: The model as ``PluginModel/encoded(_:)`` gives it, when the caller already has it
    ///   (`pack` sends the same bytes to its exporters).
    public func pluginDiagnostics(for loaded: LoadedCurriculum, encodedModel: Data? = nil) async throws -> [Diagnostic]
    {
        guard let curriculum = loaded.curriculum else { return [] }
        let settings = try self.settings(for: loaded.root)
        return Self.displayed(
            try await plugins(curriculum, root: loaded.root, settings: settings, encodedModel: encodedModel)
                .diagnostics,
            root: loaded.root)
    }

    /// The core rules, then every validator plugin, on one loaded programme.
    private func rules(
        _ loaded: LoadedCurriculum, settings: Settings
    ) async throws -> (diagnostics: [Diagnostic], plugins: [InitializeResult]) {
        guard let curriculum = loaded.curriculum else { return ([], []) }
        let context = ValidationContext(curriculum: curriculum, root: loaded.root)
        var collector = DiagnosticCollector(policy: settings.policy)
        RuleRegistry.check(context, into: &collector)
        guard runsPlugins else { return (collector.diagnostics, []) }
        let found = try await plugins(curriculum, root: loaded.root, settings: settings)
        return (collector.diagnostics + found.diagnostics, found.plugins)
    }

    /// Every validator plugin of the settings on one programme's model.
    private func plugins(
        _ curriculum: Curriculum, root: CurriculumRoot, settings: Settings, encodedModel: Data? = nil
    ) async throws -> (diagnostics: [Diagnostic], plugins: [InitializeResult]) {
        var plugins: [InitializeResult] = []
        var collector = DiagnosticCollector(policy: settings.policy)
        let host = PluginHost()
        // The model is encoded once, however many plugins read it.
        let model = settings.plugins.isEmpty ? Data() : try encodedModel ?? PluginModel.encoded(curriculum)
        let additions =
            settings.plugins.isEmpty ? [:] : TimetableResolver.additions(TimetableResolver.timetable(of: curriculum))
        for spec in settings.plugins {
            let params = try ValidateParams.encoded(curriculum: model, root: root.path, options: spec.options)
            let reply: PluginReply<ValidateResult>
            do {
                reply = try await host.request(
                    spec, method: PluginProtocol.Method.validate, encodedParams: params, as: ValidateResult.self,
                    observer: observer, additions: additions)
            } catch {
                // A configuration lists exporters and importers too; only validators take part here.
                if case .missingCapability = error.reason, case .configuration = spec.origin { continue }
                throw error
            }
            plugins.append(reply.handshake)
            for var diagnostic in reply.result.diagnostics {
                diagnostic.source = reply.handshake.plugin.name
                collector.add(diagnostic)
            }
        }
        return (collector.diagnostics, plugins)
    }

    /// What applies to one curriculum root: severities and plugins.
    struct Settings {
        var policy: SeverityPolicy
        var plugins: [PluginSpec]
    }

    private func settings(for root: CurriculumRoot) throws -> Settings {
        var policy = SeverityPolicy()
        var plugins: [PluginSpec] = []
        if let configuration {
            configurationLog?.record(configurationFile.map(CurriculumRoot.canonical) ?? "--config", .given)
            policy = try configuration.policy(path: configurationFile ?? NativeFormatName.configuration)
            plugins = try configuration.pluginSpecs(file: configurationFile)
        } else {
            let path = root.absolute(NativeFormatName.configuration)
            if !FileManager.default.fileExists(atPath: path) {
                // No configuration: the defaults apply.
            } else if trust.trusts(path) {
                configurationLog?.record(path, .used)
                let configuration = try Configuration.load(from: path)
                policy = try configuration.policy(path: path)
                plugins = try configuration.pluginSpecs(file: path)
            } else {
                // Not read at all: its plugins are not run and its severities and templates do not apply.
                configurationLog?.record(path, .untrusted)
            }
        }
        policy.ignored.formUnion(commandLinePolicy.ignored)
        policy.overrides.merge(commandLinePolicy.overrides) { _, new in new }
        return Settings(policy: policy, plugins: (plugins + self.plugins).map { pluginOptions.applied(to: $0) })
    }

    func merge(_ results: [UnitResult]) -> ValidationReport {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for diagnostic in results.flatMap(\.diagnostics).sorted(by: Diagnostic.reportOrder) {
            let location = diagnostic.location
            let oncePerLine = RuleRegistry.descriptor(for: diagnostic.code)?.oncePerLine ?? false
            let key =
                "\(diagnostic.code)|\(location?.path ?? "")|\(location?.line ?? 0)|\(oncePerLine ? "" : diagnostic.message)"
            if seen.insert(key).inserted { diagnostics.append(diagnostic) }
        }
        let files = Set(results.flatMap { result in result.files.map { DisplayPath.of(result.root.absolute($0)) } })
        var plugins: [InitializeResult] = []
        for plugin in results.flatMap(\.plugins)
        where !plugins.contains(where: { $0.plugin.name == plugin.plugin.name }) {
            plugins.append(plugin)
        }
        return ValidationReport(diagnostics: diagnostics, files: files.sorted(), plugins: plugins)
    }

    /// Rewrites root-relative locations as paths a user can open from the current folder.
    static func displayed(_ diagnostics: [Diagnostic], root: CurriculumRoot) -> [Diagnostic] {
        diagnostics.map {
            var diagnostic = $0
            if let location = diagnostic.location {
                diagnostic.location?.path = DisplayPath.of(
                    location.path.hasPrefix("/") ? location.path : root.absolute(location.path))
            }
            return diagnostic
        }
    }
}

/// Paths as users see them: relative to the current folder when inside it, absolute otherwise.
public enum DisplayPath {
    /// The current folder, resolved once: it is asked for every file and every diagnostic of a run, and the
    /// command line never changes folder.
    private static let currentFolder = CurriculumRoot.canonical(FileManager.default.currentDirectoryPath)

    /// The display form of an absolute path.
    public static func of(_ absolutePath: String) -> String {
        let current = currentFolder
        if absolutePath.hasPrefix(current + "/") { return String(absolutePath.dropFirst(current.count + 1)) }
        return absolutePath
    }
}
