import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit

/// Exports the agenda of the requested sessions as an iCalendar file (RFC 5545) in the delivery's time zone: one
/// event per agenda item, or per day with `{"granularity": "day"}`.
///
/// Options: `granularity` (`item` or `day`), `language` (a BCP 47 tag; titles and texts that have a translation
/// in it use it). Without a delivery that schedules a session there are no dates, so no calendar is made and the
/// warning CAL001 says so; dates are never invented.
@main
struct CalendarPlugin: CurriculumPlugin {
    var identity: PluginIdentity {
        PluginIdentity(
            name: "calendar", version: "1.0.0",
            description: "An iCalendar (.ics) file of a delivery's sessions: one event per agenda item or per day.")
    }

    var capabilities: Capabilities { Capabilities(export: .init(formats: ["ics"])) }

    func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult {
        guard params.format == "ics" else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams, message: "calendar exports ics, not \(params.format)")
        }
        let granularity: CalendarBuilder.Granularity
        switch params.options["granularity"] {
        case nil, .null: granularity = .item
        case .string(let text):
            guard let value = CalendarBuilder.Granularity(rawValue: text) else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams,
                    message: "option granularity must be \"item\" or \"day\", not \"\(text)\"")
            }
            granularity = value
        default:
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams, message: "option granularity must be \"item\" or \"day\"")
        }
        let language = try ExportLanguage.requested(params.options)
        let sessions = try ExportSessions.resolve(params)

        let builder = CalendarBuilder(
            curriculum: params.curriculum, delivery: params.delivery, granularity: granularity, language: language)
        let (text, diagnostics) = builder.build(sessions: sessions)
        let artifacts =
            text.map { [Artifact(path: "calendar.ics", mediaType: "text/calendar", text: $0, audience: .participants)] }
            ?? []
        return ExportResult(artifacts: artifacts, diagnostics: diagnostics)
    }
}
