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
        var unit: String?
        if let value = params.options["durationUnit"] {
            guard let text = value.stringValue, ["minutes", "hours"].contains(text) else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams,
                    message: "option durationUnit must be minutes or hours")
            }
            unit = text
        }
        let limits = try ArchiveLimits(options: params.options)
        var tree: SourceTree
        do { tree = try SourceTree.open(params.source, limits: limits) } catch {
            return ImportResult.unreadable(error, source: params.source)
        }
        // A map in `maps/` refers to `../topics/…`: the source is the folder its references stay inside.
        if tree.kind == .file, let entry = tree.entryFile,
            let wider = tree.widened(by: Self.climb(from: entry, in: tree))
        {
            tree = wider
        }
        var importer = DITAImporter(tree: tree)
        importer.durationUnit = unit
        importer.preferredMap = params.options["map"]?.stringValue
        return importer.run()
    }

    /// How far up the references of a single map and of the submaps beside it climb.
    static func climb(from entry: String, in tree: SourceTree) -> Int {
        let reader = SourceXMLReader(tree: tree)
        var probe = ImportReport()
        var pending = [entry]
        var seen: Set<String> = [entry]
        var deepest = 0
        while let map = pending.popLast(), seen.count < 64 {
            guard let root = reader.parse(map, report: &probe) else { continue }
            deepest = max(deepest, MapChooser.climbingLevels(of: root))
            for href in MapChooser.mapReferences(in: root) {
                if let next = tree.resolve(href, from: map), !seen.contains(next) {
                    seen.insert(next)
                    pending.append(next)
                }
            }
        }
        return deepest
    }
}
