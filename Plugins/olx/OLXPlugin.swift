import CurriculumImportKit
import CurriculumModel
import CurriculumPluginKit

/// Imports Open edX courses (OLX: a course folder, or the `.tar.gz` Studio exports) into the model: chapters
/// become sessions, subsections days, units agenda items, with component text as rich text and the durations
/// the course material allows to derive.
@main
struct OLXPlugin: CurriculumPlugin {
    var identity: PluginIdentity {
        PluginIdentity(
            name: "olx", version: "1.0.0",
            description: "Open edX OLX courses (folder or .tar.gz export) into the native format.")
    }

    var capabilities: Capabilities {
        Capabilities(
            import: .init(
                formats: ["olx"],
                recognise: [
                    SourceRecognition(
                        format: "olx", markerFiles: ["course.xml"], extensions: [".tar.gz", ".tgz", ".tar"],
                        rootElements: ["course"])
                ]))
    }

    func importSource(_ params: ImportParams, context: PluginContext) async throws -> ImportResult {
        guard params.format == "olx" else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "olx reads the format \"olx\", not \"\(params.format)\"")
        }
        let options = try OLXOptions(params.options)
        let limits = try ArchiveLimits(options: params.options)
        let tree: SourceTree
        do { tree = try SourceTree.open(params.source, limits: limits) } catch {
            return ImportResult.unreadable(error, source: params.source)
        }
        var importer = OLXImporter(tree: tree, options: options, context: context)
        return importer.run()
    }
}
