import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit

/// Exports a session as two self-contained HTML pages — a print-ready facilitator guide and a participant pack
/// that carries nothing meant only for facilitators — plus the handout files they link to.
///
/// Artifacts, for one session:
/// - `facilitator-guide.html` and `participant-pack.html`;
/// - `handouts/<file>`: a copy of each local, participant-visible resource that a participant-visible item lists;
/// - `facilitator/<file>`: a copy of each other local resource the session's items list (linked from the guide only).
///
/// When several sessions are exported at once, each session's files go under a folder named after its ID.
///
/// Options: `templates` (a folder, absolute or relative to the curriculum root, with replacements for
/// `facilitator-guide.mustache`, `participant-pack.mustache`, `styles.css`), `language` (one of the session's
/// translation languages), the head counts `participants`, `groups` and `facilitators` for print quantities, and
/// `maxResourceMB`, the largest resource file copied into a pack (512 MB unless set).
@main
struct HTMLPlugin: CurriculumPlugin {
    static let version = "1.0.0"
    /// The option that bounds each copied resource file, in MB (MiB).
    static let resourceLimitOption = "maxResourceMB"
    /// The default bound on a copied resource file: 512 MB.
    static let defaultResourceBytes = 512 * 1_048_576
    /// The highest value of ``resourceLimitOption``: the core copies no file larger than 1 GiB.
    static let largestResourceMB = 1024

    var identity: PluginIdentity {
        PluginIdentity(
            name: "html", version: Self.version,
            description:
                "Self-contained HTML facilitator guide and participant pack per session, print-ready, with handouts.")
    }

    /// `pdf` is batched: the core sends every session of a pack run in one request, so Chromium starts once.
    var capabilities: Capabilities { Capabilities(export: .init(formats: ["html", "pdf"], batched: ["pdf"])) }

    /// Parses the built-in templates before the first request arrives.
    func prepare() { TemplateSet.prepareBuiltIn() }

    func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult {
        guard params.format == "html" || params.format == "pdf" else {
            throw RPCError(code: PluginProtocol.ErrorCode.invalidParams, message: "unknown format \(params.format)")
        }
        let curriculum = params.curriculum
        let sessions = try ExportSessions.resolve(params)
        let requestedLanguage = try ExportLanguage.requested(params.options)
        var templateFolder: String? = nil
        if let value = params.options["templates"] {
            guard let folder = value.stringValue, !folder.isEmpty else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams, message: "option templates must name a folder")
            }
            templateFolder = folder
        }
        let templates = try TemplateSet(folder: templateFolder, root: params.root)
        let maxResourceBytes = try Self.resourceLimit(params.options)

        var artifacts: [Artifact] = []
        var diagnostics: [Diagnostic] = []
        // The PDF engine is started once for the whole request and prints every page of every session in it.
        let engine = params.format == "pdf" ? try PDFEngine() : nil
        defer { engine?.stop() }
        for (index, session) in sessions.enumerated() {
            let language = ExportLanguage.resolve(
                requestedLanguage, session: session, curriculum: curriculum, code: "HTML002", source: "html")
            diagnostics += language.diagnostics
            if let tag = language.tag {
                // Every block shown in the source language on a translated page, at its source line.
                for gap in TranslationGaps.find(
                    in: session, curriculum: curriculum, language: tag, delivery: params.delivery)
                {
                    diagnostics.append(
                        Diagnostic(
                            severity: .warning, code: "HTML004",
                            message:
                                "no \"\(tag)\" translation of \(gap.what); the \(tag) pack shows it in \(curriculum.language)",
                            hint: "Add <t xml:lang=\"\(tag)\"> with the translation.", location: gap.location,
                            source: "html"))
                }
            }
            let content = SessionContent(
                curriculum: curriculum, session: session, delivery: params.delivery, language: language.tag,
                root: params.root, options: params.options, maxResourceBytes: maxResourceBytes)
            diagnostics += content.diagnostics
            let guide = templates.render(
                TemplateSet.guideName, FacilitatorGuide(content: content).context(styles: templates.styles))
            let pack = templates.render(
                TemplateSet.participantName, ParticipantPack(content: content).context(styles: templates.styles))
            let folder = params.sessions.count == 1 ? "" : ExportSessions.safeFileName(session.id) + "/"
            var pages: [Artifact] = []
            pages.append(
                Artifact(
                    path: "facilitator-guide.html", mediaType: "text/html", text: guide,
                    audience: .facilitators))
            pages.append(
                Artifact(
                    path: "participant-pack.html", mediaType: "text/html", text: pack,
                    audience: .participants))
            for file in content.fileArtifacts {
                pages.append(
                    Artifact(
                        path: file.path, mediaType: file.mediaType, copyOf: file.copyOf,
                        audience: Self.audience(ofFile: file.path)))
            }
            for handout in content.handoutSources {
                let page = HandoutPage(
                    markdown: handout.markdown, sourceLanguage: curriculum.language,
                    translationLanguages: curriculum.meta.translationLanguages)
                let html = page.html(
                    language: content.languageTag, title: content.label(handout.title), styles: templates.styles,
                    generator: "html \(Self.version)")
                pages.append(
                    Artifact(
                        path: handout.path, mediaType: "text/html", text: html,
                        audience: Self.audience(ofFile: handout.path)))
            }
            let files = try engine.map { try PDFPages(engine: $0, header: content.runningHeader).print(pages) } ?? pages
            // A batched request prints every session of a pack run: each printed session resets the core's
            // time-out, which bounds the time between messages, not the whole request.
            if engine != nil {
                context.progress(done: index + 1, total: sessions.count, message: "printed \(session.id)")
            }
            artifacts += files.map { file in
                var placed = file
                placed.path = folder + file.path
                return placed
            }
        }
        return ExportResult(artifacts: artifacts, diagnostics: diagnostics)
    }

    /// Who a copied file or handout page is for: `handouts/` for participants, `facilitator/` for the team.
    static func audience(ofFile path: String) -> ArtifactAudience {
        path.hasPrefix("handouts/") ? .participants : .facilitators
    }

    /// The `maxResourceMB` option in bytes: a whole number of MB from 1 to 1024; 512 MB when absent.
    static func resourceLimit(_ options: [String: JSONValue]) throws -> Int {
        guard let value = options[resourceLimitOption], value != .null else { return defaultResourceBytes }
        guard let number = value.numberValue, number == number.rounded(),
            number >= 1, number <= Double(largestResourceMB)
        else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "option \(resourceLimitOption) must be a whole number of MB from 1 to \(largestResourceMB)")
        }
        return Int(number) * 1_048_576
    }

}
