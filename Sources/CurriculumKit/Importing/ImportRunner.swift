public import CurriculumModel
public import CurriculumPluginKit
import Foundation

/// An imported curriculum, checked and ready to write.
public struct ImportedCurriculum: Sendable {
    /// The curriculum the importer returned: its model, or the one its document holds (with locations in the
    /// document; empty when the importer reported an error, since such a document is not read).
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
        let reply: PluginReply<ImportAnswer>
        do {
            reply = try await PluginHost().request(
                importer, method: PluginProtocol.Method.import,
                params: request,
                as: ImportAnswer.self, observer: observer)
        } catch {
            // Options the importer refuses are the user's to fix, not a fault of the importer.
            if case .errorResponse(let code, _) = error.reason, code == PluginProtocol.ErrorCode.invalidParams {
                throw ImportError(kind: .usage, message: error.description)
            }
            throw ImportError(kind: .tool, message: error.description)
        }
        let name = reply.handshake.plugin.name
        let label = "\(name) \(reply.handshake.plugin.version)"
        let diagnostics = reply.result.diagnostics.map { diagnostic in
            var tagged = diagnostic
            tagged.source = name
            return tagged
        }
        let outcome: Outcome
        switch reply.result.content {
        case .model(let model):
            outcome = try Self.check(
                model, diagnostics: diagnostics, files: reply.result.files, request, importer: name)
        case .document(let document):
            guard (reply.handshake.protocolMinor ?? 0) >= PluginProtocol.documentImportMinor else {
                throw ImportError(
                    kind: .tool,
                    message:
                        "plugin \"\(name)\" answered import with a document, which only a plugin that answers protocolMinor \(PluginProtocol.documentImportMinor) may send"
                )
            }
            outcome = try Self.check(
                document, diagnostics: diagnostics, files: reply.result.files, request, importer: name)
        }
        return ImportedCurriculum(
            curriculum: outcome.curriculum, document: outcome.document, files: outcome.files,
            diagnostics: Self.ordered(outcome.diagnostics), importer: label)
    }

    /// A checked answer.
    private struct Outcome {
        var curriculum: Curriculum
        var document: String
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic]
    }

    /// Checks an answer carrying the model: the core writes the document and loads it back to prove the model fits
    /// the format; the rules then read the importer's model, whose locations point into the source.
    private static func check(
        _ model: Curriculum, diagnostics: [Diagnostic], files artifacts: [Artifact], _ request: ImportParams,
        importer: String
    ) throws(ImportError) -> Outcome {
        var diagnostics = diagnostics
        if Self.isEmpty(model) && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(Self.emptyResult(request, importer: importer))
        }
        let document = NativeXMLWriter().document(model)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(curriculum: model, document: document, diagnostics: diagnostics)
        }
        let files = try Self.files(artifacts, importer: importer, source: request.source)
        let scratch = try Scratch(files: files)
        defer { scratch.remove() }
        _ = try scratch.load(document, importer: importer)
        diagnostics += Self.rules(on: ValidationContext(curriculum: model, root: scratch.root))
        return Outcome(curriculum: model, document: document, files: files, diagnostics: diagnostics)
    }

    /// Checks an answer carrying a native document (protocol 1.3): loaded back, the document is the curriculum.
    /// Its locations point into the document; the importer's table turns the rules' findings back to the source.
    private static func check(
        _ document: NativeDocument, diagnostics: [Diagnostic], files artifacts: [Artifact], _ request: ImportParams,
        importer: String
    ) throws(ImportError) -> Outcome {
        var diagnostics = diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            // Nothing will be written: the document is not read.
            return Outcome(
                curriculum: Curriculum(id: "", title: "", language: ""), document: document.text,
                diagnostics: diagnostics)
        }
        let files = try Self.files(artifacts, importer: importer, source: request.source)
        let scratch = try Scratch(files: files)
        defer { scratch.remove() }
        guard let curriculum = try scratch.load(document.text, importer: importer) else {
            throw ImportError(
                kind: .tool, message: "importer \"\(importer)\" returned a document that is not a <programme>")
        }
        if Self.isEmpty(curriculum) {
            diagnostics.append(Self.emptyResult(request, importer: importer))
            return Outcome(curriculum: curriculum, document: document.text, diagnostics: diagnostics)
        }
        diagnostics += Self.rules(on: ValidationContext(curriculum: curriculum, root: scratch.root)).map {
            Self.relocated($0, by: document)
        }
        return Outcome(curriculum: curriculum, document: document.text, files: files, diagnostics: diagnostics)
    }

    // MARK: - Steps

    /// The finding for an import that brings nothing over, which is not a success whatever the importer thought
    /// of the source.
    private static func emptyResult(_ request: ImportParams, importer: String) -> Diagnostic {
        Diagnostic(
            severity: .error, code: Self.emptyResultCode,
            message: "the import produced no session, module, agenda item or resource, so there is nothing to write",
            hint: "Check that this is the course's top-level file or folder, and look at the other findings.",
            location: SourceLocation(path: request.source), source: importer)
    }

    /// Whether a curriculum holds nothing to write.
    private static func isEmpty(_ curriculum: Curriculum) -> Bool {
        let items =
            curriculum.sessions.reduce(0) { $0 + $1.allItems.count }
            + curriculum.modules.reduce(0) { $0 + $1.activities.count }
        return items == 0 && curriculum.allResources.isEmpty
    }

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

    /// The core rules' findings on an imported curriculum.
    private static func rules(on context: ValidationContext) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        RuleRegistry.check(context, into: &collector)
        return collector.diagnostics.map { diagnostic in
            var tagged = diagnostic
            tagged.source = coreSource
            return tagged
        }
    }

    /// A finding on a curriculum loaded from an importer's document, pointed back into the source: a location in
    /// the document becomes the source location of the element on that line, or none when the importer gave none
    /// (as a finding on its model would have had).
    private static func relocated(_ diagnostic: Diagnostic, by document: NativeDocument) -> Diagnostic {
        guard let location = diagnostic.location, location.path == Scratch.documentName else { return diagnostic }
        var moved = diagnostic
        moved.location = document.source(ofLine: location.line)
        return moved
    }

    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var shown = diagnostic
            if let path = diagnostic.location?.path, path.hasPrefix("/") { shown.location?.path = DisplayPath.of(path) }
            return shown
        }.sorted(by: Diagnostic.reportOrder)
    }
}

/// The folder an imported document is checked in: the document and its files, loaded back as a curriculum would
/// be. Removed when the import is done.
private struct Scratch {
    /// The document's name in the folder.
    static let documentName = "imported.xml"

    let path: String
    let files: [String: [UInt8]]

    var root: CurriculumRoot { CurriculumRoot(path: path) }

    init(files: [String: [UInt8]]) throws(ImportError) {
        guard let path = TemporaryFolder.make(prefix: "curriculum-import") else {
            throw ImportError(kind: .tool, message: "cannot create a temporary folder")
        }
        StagingFolders.insert(path)
        self.path = path
        self.files = files
    }

    func remove() {
        StagingFolders.remove(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes the document and its files, and loads it back: the schema and the loader must accept it.
    ///
    /// - Returns: The curriculum the document holds; `nil` when it is not a programme.
    /// - Throws: ``ImportError`` of kind `.tool` when the document does not fit the native format.
    func load(_ document: String, importer: String) throws(ImportError) -> Curriculum? {
        do throws(PackFailure) {
            for (file, bytes) in files { try FileWriting.write(bytes, to: path + "/" + file) }
            try FileWriting.write(Array(document.utf8), to: path + "/" + Self.documentName)
        } catch {
            throw ImportError(kind: .tool, message: error.message)
        }
        let loaded = CurriculumLoader().load(programmeAt: root.absolute(Self.documentName), root: root)
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
        return loaded.curriculum
    }
}
