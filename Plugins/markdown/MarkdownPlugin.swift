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
        var artifacts: [Artifact] = []
        for session in try ExportSessions.resolve(params) {
            artifacts.append(
                Artifact(
                    path: "\(session.id).md", mediaType: "text/markdown",
                    text: MarkdownSession(curriculum: curriculum, session: session, delivery: params.delivery).render(),
                    audience: .facilitators)
            )
        }
        return ExportResult(artifacts: artifacts)
    }
}
