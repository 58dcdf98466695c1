public import CurriculumModel
public import CurriculumPluginKit

/// The `language` option, read one way by every exporter.
public enum ExportLanguage {
    /// The tag the `language` option asks for, or `nil` when it is absent, `null` or empty.
    ///
    /// - Throws: `RPCError` (invalid params) when the option is not a string.
    public static func requested(_ options: [String: JSONValue]) throws -> String? {
        switch options["language"] {
        case nil, .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        default:
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams, message: "option language must be a language tag")
        }
    }

    /// The language a session is rendered in: the requested tag when it is one of the session's translation
    /// languages (`nil` for the source language), with a warning under `code` when the request cannot be met.
    public static func resolve(
        _ requested: String?, session: Session, curriculum: Curriculum, code: String, source: String
    ) -> (tag: String?, diagnostics: [Diagnostic]) {
        guard let wanted = requested else { return (nil, []) }
        if wanted.lowercased() == curriculum.language.lowercased() { return (nil, []) }
        if let match = session.translationLanguages.first(where: { $0.lowercased() == wanted.lowercased() }) {
            return (match, [])
        }
        let warning = Diagnostic(
            severity: .warning, code: code,
            message:
                "session \"\(session.id)\" is not translated into \"\(wanted)\"; it is rendered in \(curriculum.language)",
            location: session.location, source: source)
        return (nil, [warning])
    }
}
