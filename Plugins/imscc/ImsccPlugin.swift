import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// Exports each session as an IMS Common Cartridge 1.1 package (`.imscc`) that Moodle, Canvas and Open edX import
/// whole: an "About this session" section, one section per day (see ``Outline``), a page per participant agenda item,
/// the handouts as pages, web links, the evaluation and knowledge checks as QTI quizzes, and a facilitator guide for
/// the Instructor role only. The `lms` option shapes it for one platform (``LMSTarget``).
///
/// Imports IMS Common Cartridge 1.0–1.3 and SCORM 1.2 and 2004 packages (see ``PackageImporter``).
@main
struct ImsccPlugin: CurriculumPlugin {
    /// The largest response line the core accepts by default; the base64 of every cartridge must fit in it.
    static let messageLimit = PluginProtocol.defaultMaxMessageBytes
    /// Room kept for the JSON around the artifacts and for the diagnostics.
    static let messageReserve = 1 << 20
    /// The bytes all cartridges of one export may hold together, so that their base64 fits in one message.
    static let packedBytesLimit = (messageLimit - messageReserve) / 4 * 3

    var identity: PluginIdentity {
        PluginIdentity(
            name: "imscc", version: "1.0.0",
            description:
                "IMS Common Cartridge 1.1 per session for Moodle and other LMSs: agenda pages, handouts, and a facilitator guide for instructors only. Imports Common Cartridge 1.0–1.3 and SCORM 1.2/2004 packages."
        )
    }

    var capabilities: Capabilities {
        Capabilities(
            import: .init(
                formats: ["imscc", "scorm"],
                recognise: [
                    SourceRecognition(
                        format: "imscc", markerFiles: ["imsmanifest.xml"], extensions: [".imscc", ".zip"],
                        rootElements: ["manifest"])
                ]),
            export: .init(formats: ["imscc"]))
    }

    func importSource(_ params: ImportParams, context: PluginContext) async throws -> ImportResult {
        guard params.format == "imscc" || params.format == "scorm" else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "imscc imports the formats \"imscc\" and \"scorm\", not \"\(params.format)\"")
        }
        return PackageImporter(options: try ImportOptions(params.options)).run(source: params.source)
    }

    func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult {
        guard params.format == "imscc" else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "imscc exports the format \"imscc\", not \"\(params.format)\"")
        }
        let requestedLanguage = try ExportLanguage.requested(params.options)
        let target = try LMSTarget.parse(params.options)
        let sessions = try ExportSessions.resolve(params)
        let curriculum = params.curriculum
        var names = UniqueNames(ignoresCase: true)
        var artifacts: [Artifact] = []
        var diagnostics: [Diagnostic] = []
        // Raw bytes that still fit in one response line once base64 encoded.
        var budget = Self.packedBytesLimit
        for (index, session) in sessions.enumerated() {
            context.progress(done: index, total: sessions.count, message: "session \(session.id)")
            let language = ExportLanguage.resolve(
                requestedLanguage, session: session, curriculum: curriculum, code: "IMS014", source: "imscc")
            diagnostics += language.diagnostics
            let budgetBefore = budget
            let cartridge = CartridgeBuilder(
                curriculum: curriculum, session: session, root: params.root, delivery: params.delivery,
                language: language.tag, target: target
            ).build(budget: &budget)
            let bytes = try cartridge.archive()
            budget = budgetBefore - bytes.count
            guard budget >= 0 else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.internalError,
                    message:
                        "the cartridges are too large to send in one response (the limit is \(Self.messageLimit) bytes of base64)"
                )
            }
            let name = names.claim("\(Names.segment(curriculum.id))-\(Names.segment(session.id)).imscc")
            artifacts.append(
                Artifact(path: name, mediaType: "application/zip", base64: Data(bytes).base64EncodedString()))
            // A problem with a shared file is reported once, not once per session.
            diagnostics += cartridge.diagnostics.filter { !diagnostics.contains($0) }
        }
        return ExportResult(artifacts: artifacts, diagnostics: diagnostics)
    }
}
