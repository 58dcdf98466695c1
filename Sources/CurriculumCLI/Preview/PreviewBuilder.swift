import CurriculumKit
import CurriculumModel
import Foundation

/// Validates the programme and renders the HTML pages of its sessions (facilitator guide, participant pack and
/// handouts) with the bundled exporter, the same way `curriculum pack --format html` does, into memory.
///
/// After a save only what changed is done again: the files kept in ``cache`` are not parsed again unless they
/// changed, and a session is rendered again only when what its pages are made from changed (the programme with
/// that session alone, so a change to another session's file leaves it be) or when a file other than the
/// curriculum's XML changed (a handout the pages include).
struct PreviewBuilder: Sendable {
    let programme: String
    let sessions: [String]
    let language: String?
    let exporters: [String: PluginSpec]
    let cache = DocumentCache()
    /// The html exporter, started once and kept for the preview's whole life: a save costs one request, not a
    /// process start and handshake (protocol 1.2; an older exporter gets a process per request).
    let htmlSession: PluginSession?

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - exporterStarted: Told the process id each time the html exporter is started (the first render, and
    ///     again after it crashed).
    init(
        programme: String, sessions: [String], language: String?, exporters: [String: PluginSpec],
        exporterStarted: (@Sendable (pid_t) -> Void)? = nil
    ) {
        self.programme = programme
        self.sessions = sessions
        self.language = language
        self.exporters = exporters
        let request = Self.packRequest(session: "", folder: "", language: language)
        htmlSession = PackBuilder(exporters: exporters).exporter(for: "html", request: request).map {
            PluginSession(spec: $0, started: exporterStarted)
        }
    }

    /// What the preview asks of the html exporter for one session.
    static func packRequest(session: String, folder: String, language: String?) -> PackRequest {
        PackRequest(sessions: [session], formats: ["html"], outputFolder: folder, zip: false, language: language)
    }

    /// Validates and renders, keeping the pages of `previous` for the sessions the changes left as they were.
    ///
    /// - Parameters:
    ///   - previous: The last rendering published.
    ///   - changes: What changed since then; `nil` renders every session.
    func render(
        after previous: PreviewSite.Rendering = .init(), changes: FileChanges? = nil
    ) async
        -> PreviewSite.Rendering
    {
        let clock = ContinuousClock()
        let start = clock.now
        var validator = Validator()
        validator.documentCache = cache
        validator.runsPlugins = false
        let loaded: LoadedCurriculum
        do {
            (loaded, _) = try await validator.validate(programmeAt: programme)
        } catch {
            var rendering = PreviewSite.Rendering()
            rendering.problem = "the curriculum could not be validated: \(error)"
            return rendering
        }
        // The validator plugins (each a process of its own) run while the pages are made; the pages are shown
        // only if they find no error either.
        validator.runsPlugins = true
        let plugins = Task { [validator] in try await validator.pluginDiagnostics(for: loaded) }
        var rendering = await renderPages(of: loaded, after: previous, changes: changes)
        do {
            let found = try await plugins.value
            rendering.validationTime = clock.now - start - rendering.renderingTime
            rendering.diagnostics = (rendering.diagnostics + found).sorted(by: Diagnostic.reportOrder)
            if rendering.problem == nil && found.contains(where: { $0.severity == .error }) {
                rendering.problem = "the curriculum has errors; the pages below are from before they were made"
                rendering.withdrawPages()
            }
        } catch {
            rendering.problem = "the curriculum could not be validated: \(error)"
            rendering.withdrawPages()
        }
        return rendering
    }

    /// The pages of the chosen sessions from a programme the core rules checked, keeping those of `previous` that
    /// the changes left as they were.
    private func renderPages(
        of loaded: LoadedCurriculum, after previous: PreviewSite.Rendering, changes: FileChanges?
    ) async -> PreviewSite.Rendering {
        let clock = ContinuousClock()
        var rendering = PreviewSite.Rendering()
        rendering.diagnostics = loaded.diagnostics.sorted(by: Diagnostic.reportOrder)
        guard let curriculum = loaded.curriculum else {
            rendering.problem = "the programme could not be read"
            return rendering
        }
        rendering.title = curriculum.title.text
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            rendering.problem = "the curriculum has errors; the pages below are from before they were made"
            return rendering
        }
        let chosen = sessions.isEmpty ? curriculum.sessions.map(\.id) : sessions
        let unknown = chosen.filter { curriculum.session($0) == nil }
        if !unknown.isEmpty {
            rendering.problem = "no session \(unknown.joined(separator: ", ")) in \(curriculum.id)"
            return rendering
        }
        // The pages read the model, and the files the exporter copies or includes (handouts, which resources
        // name). A change to another curriculum document (another programme's) leaves them be; a change to any
        // other file makes every session again, as do pages kept through a rendering that failed.
        let resourceFiles = Set(curriculum.allResources.compactMap(\.rootRelativePath).map(loaded.root.absolute))
        let onlyXMLChanged =
            previous.problem == nil
            && (changes.map { $0.all.allSatisfy { $0.hasSuffix(".xml") && !resourceFiles.contains($0) } } ?? false)
        var stale: [String] = []
        for id in chosen {
            var source = curriculum
            source.sessions = curriculum.sessions.filter { $0.id == id }
            rendering.sources[id] = source
            let kept = previous.sessions.contains { $0.id == id }
            if !(onlyXMLChanged && kept && previous.sources[id] == source) { stale.append(id) }
        }
        rendering.rendered = stale
        var fresh: [String: Pages] = [:]
        do {
            // One pack per session, so that what the exporter notes is known to belong to that session's pages.
            let renderingStart = clock.now
            defer { rendering.renderingTime = clock.now - renderingStart }
            try await withThrowingTaskGroup(of: (String, Pages).self) { group in
                for id in stale { group.addTask { (id, try await pages(of: id, in: curriculum, root: loaded.root)) } }
                for try await (id, pages) in group { fresh[id] = pages }
            }
            for id in chosen {
                if let made = fresh[id] {
                    rendering.sessions.append((id, made.title, made.files))
                    rendering.notes[id] = made.notes
                } else if let kept = previous.sessions.first(where: { $0.id == id }) {
                    rendering.sessions.append(kept)
                    rendering.notes[id] = previous.notes[id]
                }
            }
            rendering.diagnostics += Self.unique(chosen.flatMap { rendering.notes[$0] ?? [] })
        } catch let error as PackContentError {
            rendering.diagnostics += error.diagnostics
            rendering.problem = "the exporter found errors"
        } catch {
            rendering.problem = "the pages could not be made: \(error)"
        }
        return rendering
    }

    /// One session's pages, read back into memory, and what the exporter noted.
    struct Pages: Sendable {
        var title: String
        var files: [String: (bytes: [UInt8], mediaType: String?)]
        var notes: [Diagnostic]
    }

    private func pages(of session: String, in curriculum: Curriculum, root: CurriculumRoot) async throws -> Pages {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curriculum-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let builder = PackBuilder(exporters: exporters, sessions: htmlSession.map { ["html": $0] } ?? [:])
        let (packs, notes) = try await builder.build(
            curriculum, root: root,
            request: Self.packRequest(session: session, folder: folder.path, language: language))
        var files: [String: (bytes: [UInt8], mediaType: String?)] = [:]
        for pack in packs {
            for file in pack.manifest.files {
                let path = (pack.folder as NSString).appendingPathComponent(file.path)
                if let data = FileManager.default.contents(atPath: path) {
                    files[file.path] = (Array(data), file.mediaType)
                }
            }
        }
        return Pages(title: curriculum.session(session)?.title.text ?? session, files: files, notes: notes)
    }

    /// Notes without repeats, in order: a note given to several sessions is shown once.
    private static func unique(_ notes: [Diagnostic]) -> [Diagnostic] {
        var seen: [Diagnostic] = []
        for note in notes where !seen.contains(note) { seen.append(note) }
        return seen
    }
}
