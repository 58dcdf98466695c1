public import CurriculumModel
import CurriculumPluginKit
public import Foundation

/// What `curriculum pack` was asked to do.
public struct PackRequest: Sendable {
    public var sessions: [String]
    public var formats: [String]
    public var outputFolder: String
    public var zip: Bool
    /// A delivery read from `--delivery`, which replaces the programme's own for dates and times.
    public var delivery: Delivery?
    public var templates: String?
    public var language: String?
    /// `--participants`: the head count print totals and groups follow, over the delivery's.
    public var participants: Int?

    public init(
        sessions: [String], formats: [String], outputFolder: String, zip: Bool, delivery: Delivery? = nil,
        templates: String? = nil, language: String? = nil, participants: Int? = nil
    ) {
        self.sessions = sessions
        self.formats = formats
        self.outputFolder = outputFolder
        self.zip = zip
        self.delivery = delivery
        self.templates = templates
        self.language = language
        self.participants = participants
    }
}

/// One pack that was written.
public struct PackResult: Sendable {
    public var session: String
    public var folder: String
    public var manifest: PackManifest
    /// Leftovers of an earlier interrupted run that were put back or removed, as sentences.
    public var cleared: [String]
}

/// Runs the exporters for each session and hands their artifacts to the ``PackWriter``.
public struct PackBuilder: Sendable {
    /// The pack folder's name: `<programme>-<session>`, and `.<language>` after it for a language other than the
    /// programme's source language, so a French pack never replaces the English one.
    public static func packName(programme: String, session: String, language: String?, source: String) -> String {
        let base = "\(programme)-\(session)"
        guard let language, !language.isEmpty, language.lowercased() != source.lowercased() else { return base }
        return base + "." + language
    }

    /// Formats written only when `--format` names them, not by default: `pdf` needs Chromium and takes longer.
    public static let onRequestFormats: Set<String> = ["pdf"]

    /// Exporters by the format they produce.
    public var exporters: [String: PluginSpec]

    /// Long-lived exporter conversations by format (the preview keeps one to the html exporter): a format's
    /// requests go to its session when the session's plugin is the one the request would start, else each run
    /// starts its own processes.
    public var sessions: [String: PluginSession] = [:]

    public init(exporters: [String: PluginSpec], sessions: [String: PluginSession] = [:]) {
        self.exporters = exporters
        self.sessions = sessions
    }

    /// The exporter of a format as a run starts it: with the request's options (templates, language,
    /// participants) added to its configured ones.
    public func exporter(for format: String, request: PackRequest) -> PluginSpec? {
        guard var spec = exporters[format] else { return nil }
        spec.options.merge(Self.options(of: request)) { _, new in new }
        return spec
    }

    private static func options(of request: PackRequest) -> [String: JSONValue] {
        var options: [String: JSONValue] = [:]
        if let templates = request.templates { options["templates"] = .string(CurriculumRoot.canonical(templates)) }
        if let language = request.language { options["language"] = .string(language) }
        if let participants = request.participants { options["participants"] = .number(Double(participants)) }
        return options
    }

    /// Finds every exporter: the configuration's plugins first, then bundled and installed ones.
    ///
    /// - Parameters:
    ///   - wanted: The formats asked for; `nil` for all. Only as many plugins are started as it takes to find them.
    ///   - observer: Told about installed plugins that fail their handshake.
    public static func discoverExporters(
        configured: [PluginSpec], wanted: Set<String>? = nil, observer: (any PluginObserver)? = nil
    ) async -> [String: PluginSpec] {
        await FormatCatalogue.plugins(configured: configured, wanted: wanted, observer: observer) {
            $0.export?.formats ?? []
        }
    }

    /// How many formats are exported at once: each is a process of its own, and a format's requests (one per
    /// session) go to the same process, so the formats of a run share the cores between them. More than a run
    /// usually asks for; a long list of third-party formats waits its turn.
    public static let concurrentFormats = max(6, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// Exports and writes one pack per session.
    ///
    /// - Parameters:
    ///   - encodedModel: The model as ``PluginModel/encoded(_:)`` gives it, when the caller already has it.
    ///   - admission: Awaited once every exporter has answered and before anything is written; it throws to stop
    ///     the run with nothing written. `pack` runs the validator plugins beside the exporters and waits for
    ///     their verdict here.
    /// - Throws: ``PluginFailure`` when an exporter fails, ``PackFailure`` when a pack cannot be written,
    ///   ``PackContentError`` when exporters report errors in the content, and whatever `admission` throws.
    /// - Returns: The packs written, and the exporters' warnings and notes (with display paths).
    public func build(
        _ curriculum: Curriculum, root: CurriculumRoot, request: PackRequest, observer: (any PluginObserver)? = nil,
        encodedModel: Data? = nil, admission: @Sendable () async throws -> Void = {}
    ) async throws -> (packs: [PackResult], notes: [Diagnostic]) {
        // A pack's name must be one plain folder name whatever the rules said (STR006 can be ignored); checked
        // before any exporter runs, and again by the writer.
        for session in request.sessions {
            let name = Self.packName(
                programme: curriculum.id, session: session, language: request.language, source: curriculum.language)
            if let problem = PackName.problem(with: name) {
                throw PackFailure(
                    kind: .content,
                    message:
                        "cannot write a pack named \(ArtifactPath.quoted(name)) (programme \(ArtifactPath.quoted(curriculum.id)), session \(ArtifactPath.quoted(session))): \(problem)"
                )
            }
        }
        let exporters = self.exporters
        let commonOptions = Self.options(of: request)
        let sessions = self.sessions
        let deliveryOf: @Sendable (String) -> Delivery? = { session in
            request.delivery ?? curriculum.deliveries.first { $0.run(of: session) != nil }
        }
        // The requests of the run, grouped by format: an exporter that speaks protocol 1.2 gets all of its format's
        // requests in one process, a batched format (pdf) gets its sessions in one request, and the formats run
        // side by side.
        let jobs = ExportJob.plan(
            sessions: request.sessions, formats: request.formats,
            batched: { exporters[$0]?.batchedFormats.contains($0) ?? false }, delivery: { deliveryOf($0)?.id })
        var jobsByFormat: [(format: String, jobs: [ExportJob])] = []
        for job in jobs {
            if let index = jobsByFormat.firstIndex(where: { $0.format == job.format }) {
                jobsByFormat[index].jobs.append(job)
            } else {
                jobsByFormat.append((job.format, [job]))
            }
        }
        // The model is encoded once for every session and format (it is the bulk of each request).
        let model = try encodedModel ?? PluginModel.encoded(curriculum)
        let answers = try await withThrowingTaskGroup(of: [(ExportJob, String, ExportResult)].self) { group in
            var next = 0
            func start() {
                guard next < jobsByFormat.count else { return }
                let (format, formatJobs) = jobsByFormat[next]
                next += 1
                group.addTask {
                    guard var spec = exporters[format] else {
                        throw PackFailure(kind: .exporter, message: "no exporter for \(format)")
                    }
                    spec.options.merge(commonOptions) { _, new in new }
                    var params: [PreEncodedJSON] = []
                    var additions: [[String: Data]] = []
                    for job in formatJobs {
                        let delivery = deliveryOf(job.sessions[0])
                        params.append(
                            PreEncodedJSON(
                                data: try ExportParams.encoded(
                                    curriculum: model, root: root.path, format: format, sessions: job.sessions,
                                    delivery: delivery, options: spec.options)))
                        additions.append(
                            TimetableResolver.additions(
                                TimetableResolver.timetable(of: curriculum, sessions: job.sessions, delivery: delivery))
                        )
                    }
                    if let session = sessions[format], session.spec == spec {
                        var answers: [(ExportJob, String, ExportResult)] = []
                        for (job, (request, additions)) in zip(formatJobs, zip(params, additions)) {
                            let reply = try await session.request(
                                method: PluginProtocol.Method.export, encodedParams: request.data,
                                as: ExportResult.self, additions: additions)
                            answers.append((job, reply.handshake.plugin.version, reply.result))
                        }
                        return answers
                    }
                    let replies = try await PluginHost().requests(
                        spec, method: PluginProtocol.Method.export, params: params, as: ExportResult.self,
                        observer: observer, additions: additions)
                    return zip(formatJobs, replies).map { ($0, $1.handshake.plugin.version, $1.result) }
                }
            }
            for _ in 0..<Self.concurrentFormats { start() }
            var answers: [(ExportJob, String, ExportResult)] = []
            while let answer = try await group.next() {
                answers += answer
                start()
            }
            return answers
        }
        try await admission()
        // A batched answer is split into one reply per session, each with that session's files.
        var replies: [(String, String, String, ExportResult)] = []
        for (job, version, result) in answers {
            for (session, part) in try job.split(result, exporter: exporters[job.format]?.name ?? job.format) {
                replies.append((session, job.format, version, part))
            }
        }
        var diagnostics: [Diagnostic] = []
        for (_, format, _, result) in replies {
            for var diagnostic in result.diagnostics {
                diagnostic.source = exporters[format]?.name
                diagnostics.append(diagnostic)
            }
        }
        diagnostics = Validator.displayed(diagnostics, root: root).sorted(by: Diagnostic.reportOrder)
        // One exporter serving two formats (html and pdf) reports the same findings twice: each is shown once.
        var seenFindings: Set<String> = []
        diagnostics = diagnostics.filter { seenFindings.insert(String(describing: $0)).inserted }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw PackContentError(diagnostics: diagnostics)
        }
        // Every pack is checked before any is published, so a bad artifact in the last session leaves the
        // earlier packs untouched too.
        let writer = PackWriter(root: root)
        var plans: [(session: String, items: [PackWriter.Item], manifest: PackManifest)] = []
        for session in request.sessions {
            let sessionReplies = replies.filter { $0.0 == session }.sorted { $0.1 < $1.1 }
            let items = sessionReplies.flatMap { reply in
                reply.3.artifacts.map {
                    PackWriter.Item(
                        artifact: $0, exporter: exporters[reply.1]?.name ?? reply.1, exporterVersion: reply.2)
                }
            }
            try writer.check(items)
            let delivery = deliveryOf(session)
            let produced = sessionReplies.filter { !$0.3.artifacts.isEmpty }.map(\.1).sorted()
            let manifest = PackManifest(
                programme: curriculum.id, revision: curriculum.revision, session: session, delivery: delivery?.id,
                language: request.language ?? curriculum.language, formats: produced,
                generator: "\(ToolVersion.name) \(ToolVersion.current)", files: [])
            plans.append((session, items, manifest))
        }
        // Made absolute without resolving links, so the writer can refuse a symbolic link it is given.
        let out =
            request.outputFolder.hasPrefix("/")
            ? request.outputFolder : FileManager.default.currentDirectoryPath + "/" + request.outputFolder
        // Every pack is staged and flushed before the first is published: a failure before then leaves every
        // destination as it was.
        var staged: [PackWriter.StagedPack] = []
        do throws(PackFailure) {
            for plan in plans {
                let name = Self.packName(
                    programme: curriculum.id, session: plan.session, language: request.language,
                    source: curriculum.language)
                staged.append(
                    try writer.stage(plan.items, manifest: plan.manifest, into: out, named: name, zip: request.zip))
            }
            try writer.flush(staged)
        } catch {
            staged.forEach(writer.discard)
            throw error
        }
        var results: [PackResult] = []
        for (index, (plan, pack)) in zip(plans, staged).enumerated() {
            do throws(PackFailure) {
                try writer.publish(pack)
            } catch {
                staged[index...].forEach(writer.discard)
                var failure = error
                failure.published = results.map(\.folder)
                throw failure
            }
            let name = Self.packName(
                programme: curriculum.id, session: plan.session, language: request.language, source: curriculum.language
            )
            results.append(
                PackResult(
                    session: plan.session, folder: "/" + PathArithmetic.normalise(out) + "/" + name,
                    manifest: pack.manifest, cleared: pack.cleared))
        }
        return (results, diagnostics)
    }
}

/// Exporters reported errors in the content; nothing was written.
public struct PackContentError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
