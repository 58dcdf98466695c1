public import CurriculumModel
public import CurriculumPluginKit
import Foundation

/// An imported curriculum, checked and ready to write.
public struct ImportedCurriculum: Sendable {
    /// The model the importer returned.
    public var curriculum: Curriculum
    /// The native XML document.
    public var document: String
    /// The files the curriculum refers to, by path relative to the document's folder.
    public var files: [String: [UInt8]]
    /// The importer's diagnostics and the core rules' findings, pointing into the source, in report order.
    public var diagnostics: [Diagnostic]
    /// The importer's name and version.
    public var importer: String

    /// Whether the importer reported an error: the source is broken, unsafe or not in the format, and nothing
    /// should be written. Errors from the core rules leave the curriculum usable (and fixable).
    public var isUnusable: Bool {
        diagnostics.contains { $0.severity == .error && $0.source != ImportRunner.coreSource }
    }
}

/// Runs an importer plugin and checks what it returns: the native document it gives must be valid against the
/// format's schema (otherwise the importer is at fault), and the model is put through the core rules so that
/// problems are reported against the *source* files.
public struct ImportRunner: Sendable {
    /// The code of an import that produced nothing. The import kit's `ImportCode.emptyResult` is the same code;
    /// the core does not depend on the kit, so it names the code here.
    static let emptyResultCode = "IMP007"

    /// The `source` of findings from the core rules.
    public static let coreSource = "curriculum"

    /// The importer plugin.
    public var importer: PluginSpec

    public init(importer: PluginSpec) {
        self.importer = importer
    }

    /// Finds every importer by format: the configuration's plugins first, then bundled and installed ones.
    ///
    /// - Parameters:
    ///   - wanted: The formats asked for; `nil` for all. Only as many plugins are started as it takes to find them.
    ///   - observer: Told about installed plugins that fail their handshake.
    public static func discoverImporters(
        configured: [PluginSpec] = [], wanted: Set<String>? = nil, observer: (any PluginObserver)? = nil
    ) async -> [String: PluginSpec] {
        await FormatCatalogue.plugins(configured: configured, wanted: wanted, observer: observer) {
            $0.import?.formats ?? []
        }
    }

    /// Every importer, and a recogniser for `--from auto` built from what they declare.
    public static func discoverImportersAndSigns(
        configured: [PluginSpec] = [], observer: (any PluginObserver)? = nil
    ) async -> (importers: [String: PluginSpec], recogniser: SourceRecogniser) {
        let found = await FormatCatalogue.answers(configured: configured, observer: observer) {
            $0.import?.formats ?? []
        }
        return (found.plugins, SourceRecogniser(handshakes: found.handshakes))
    }

    /// Imports a source.
    ///
    /// - Throws: ``ImportError`` of kind `.usage` when the importer refuses the format or options asked for, and
    ///   `.tool` when it fails, breaks the protocol, refers to files it may not, or returns a curriculum that does
    ///   not fit the native format.
    ///
    /// - Parameter request: The absolute path of the source, the format as the importer declared it, and the
    ///   importer's options.
    public func run(
        _ request: ImportParams, observer: (any PluginObserver)? = nil
    ) async throws(ImportError) -> ImportedCurriculum {
        let reply: PluginReply<ImportResult>
        do {
            reply = try await PluginHost().request(
                importer, method: PluginProtocol.Method.import,
                params: request,
                as: ImportResult.self, observer: observer)
        } catch {
            // Options the importer refuses are the user's to fix, not a fault of the importer.
            if case .errorResponse(let code, _) = error.reason, code == PluginProtocol.ErrorCode.invalidParams {
                throw ImportError(kind: .usage, message: error.description)
            }
            throw ImportError(kind: .tool, message: error.description)
        }
        let name = reply.handshake.plugin.name
        let label = "\(name) \(reply.handshake.plugin.version)"
        let curriculum = reply.result.curriculum
        var diagnostics = reply.result.diagnostics.map { diagnostic in
            var tagged = diagnostic
            tagged.source = name
            return tagged
        }
        let items =
            curriculum.sessions.reduce(0) { $0 + $1.allItems.count }
            + curriculum.modules.reduce(0) {
                $0 + $1.activities.count
            }
        if items == 0 && curriculum.allResources.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            // An import that brings nothing over is not a success, whatever the importer thought of the source.
            diagnostics.append(
                Diagnostic(
                    severity: .error, code: Self.emptyResultCode,
                    message:
                        "the import produced no session, module, agenda item or resource, so there is nothing to write",
                    hint: "Check that this is the course's top-level file or folder, and look at the other findings.",
                    location: SourceLocation(path: request.source), source: name))
        }
        let document = NativeXMLWriter().document(curriculum)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return ImportedCurriculum(
                curriculum: curriculum, document: document, files: [:], diagnostics: Self.ordered(diagnostics),
                importer: label)
        }
        let files = try Self.files(reply.result.files, importer: name, source: request.source)
        diagnostics += try Self.check(document, curriculum: curriculum, files: files, importer: name)
        return ImportedCurriculum(
            curriculum: curriculum, document: document, files: files, diagnostics: Self.ordered(diagnostics),
            importer: label)
    }

    // MARK: - Steps

    /// The bytes of the files the importer returned, after the checks every plugin artifact gets.
    private static func files(
        _ artifacts: [Artifact], importer: String, source: String
    ) throws(ImportError) -> [String: [UInt8]] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: source, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? source : (source as NSString).deletingLastPathComponent
        let writer = PackWriter(root: CurriculumRoot(path: folder), producer: "importer")
        do {
            return try writer.contents(of: artifacts.map { PackWriter.Item(artifact: $0, exporter: importer) })
        } catch {
            throw ImportError(kind: .tool, message: error.message)
        }
    }

    /// Loads the document back from a scratch folder holding it and its files: the schema and the loader must
    /// accept it; then the core rules run on the importer's model.
    private static func check(
        _ document: String, curriculum: Curriculum, files: [String: [UInt8]], importer: String
    ) throws(ImportError) -> [Diagnostic] {
        guard let scratch = TemporaryFolder.make(prefix: "curriculum-import") else {
            throw ImportError(kind: .tool, message: "cannot create a temporary folder")
        }
        StagingFolders.insert(scratch)
        defer {
            StagingFolders.remove(scratch)
            try? FileManager.default.removeItem(atPath: scratch)
        }
        do throws(PackFailure) {
            for (path, bytes) in files { try FileWriting.write(bytes, to: scratch + "/" + path) }
            try FileWriting.write(Array(document.utf8), to: scratch + "/imported.xml")
        } catch {
            throw ImportError(kind: .tool, message: error.message)
        }
        let root = CurriculumRoot(path: scratch)
        let loaded = CurriculumLoader().load(programmeAt: root.absolute("imported.xml"), root: root)
        let structural = loaded.diagnostics.filter {
            $0.severity == .error && ($0.code.hasPrefix("XML") || $0.code.hasPrefix("STR"))
        }
        if !structural.isEmpty {
            let details = structural.prefix(3).map { "line \($0.location?.line ?? 0): \($0.message)" }
            throw ImportError(
                kind: .tool,
                message:
                    "importer \"\(importer)\" returned a curriculum that does not fit the native format (\(structural.count) problem(s)): "
                    + details.joined(separator: "; "))
        }
        let context = ValidationContext(curriculum: curriculum, root: root)
        var collector = DiagnosticCollector()
        RuleRegistry.check(context, into: &collector)
        return collector.diagnostics.map { diagnostic in
            var tagged = diagnostic
            tagged.source = coreSource
            return tagged
        }
    }

    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var shown = diagnostic
            if let path = diagnostic.location?.path, path.hasPrefix("/") { shown.location?.path = DisplayPath.of(path) }
            return shown
        }.sorted(by: Diagnostic.reportOrder)
    }
}
