import CurriculumImportKit
import CurriculumModel
import CurriculumPluginKit

/// Imports a course written with the DITA 1.3 Learning & Training specialisation: a `.ditamap` (or a folder or
/// archive holding one) and its learning plan, overview, content, summary and assessment topics.
@main
struct DITAPlugin: CurriculumPlugin {
    var identity: PluginIdentity {
        PluginIdentity(
            name: "dita", version: "1.0.0",
            description:
                "Imports DITA 1.3 Learning & Training courses: learning maps and book maps, learning objects as modules, learning groups as sessions."
        )
    }

    var capabilities: Capabilities {
        Capabilities(
            import: .init(
                formats: ["dita"],
                recognise: [
                    SourceRecognition(
                        format: "dita", markerFiles: ["*.ditamap"], extensions: [".ditamap"],
                        rootElements: ["map", "bookmap"])
                ]))
    }

    func importSource(_ params: ImportParams, context: PluginContext) async throws -> ImportResult {
        guard params.format == "dita" else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "dita imports the format \"dita\", not \"\(params.format)\"")
        }
        let tree: SourceTree
        do { tree = try SourceTree.open(params.source) } catch {
            return ImportResult.unreadable(error, source: params.source)
        }
        var importer = DITAImporter(tree: tree)
        return importer.run()
    }
}
