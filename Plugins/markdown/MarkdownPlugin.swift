import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit

/// Exports sessions as Markdown, one file per session with the agenda as a table, for people who keep notes in Git.
@main
struct MarkdownPlugin: CurriculumPlugin {
    var identity: PluginIdentity {
        PluginIdentity(
            name: "markdown", version: "1.0.0",
            description: "One Markdown file per session: overview, objectives and the agenda as a table.")
    }

    var capabilities: Capabilities { Capabilities(export: .init(formats: ["md"])) }

    func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult {
        let curriculum = params.curriculum
        let requested = try ExportLanguage.requested(params.options)
        var artifacts: [Artifact] = []
        for session in try ExportSessions.resolve(params) {
            // The html and imscc exporters already warn when the session is not translated into the language.
            let language = ExportLanguage.resolve(
                requested, session: session, curriculum: curriculum, code: "MD001", source: "markdown"
            ).tag
            artifacts.append(
                Artifact(
                    path: "\(session.id).md", mediaType: "text/markdown",
                    text: MarkdownSession(
                        curriculum: curriculum, session: session, delivery: params.delivery, language: language
                    ).render(),
                    audience: .facilitators)
            )
        }
        return ExportResult(artifacts: artifacts)
    }
}
