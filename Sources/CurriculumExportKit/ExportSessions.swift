public import CurriculumModel
public import CurriculumPluginKit

/// The sessions an export request names, resolved one way by every exporter.
public enum ExportSessions {
    /// The requested sessions in order, each once.
    ///
    /// - Throws: `RPCError` (invalid params) when the request names no session or a session the curriculum lacks.
    public static func resolve(_ params: ExportParams) throws -> [Session] {
        guard !params.sessions.isEmpty else {
            throw RPCError(code: PluginProtocol.ErrorCode.invalidParams, message: "no session to export")
        }
        var seen: Set<String> = []
        var sessions: [Session] = []
        for id in params.sessions where seen.insert(id).inserted {
            guard let session = params.curriculum.session(id) else {
                throw RPCError(code: PluginProtocol.ErrorCode.invalidParams, message: "no session \(id)")
            }
            sessions.append(session)
        }
        return sessions
    }

    /// A file name that every platform and the core's path rules accept: letters, digits, `-`, `_`, `.`.
    public static func safeFileName(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || "-_.".unicodeScalars.contains(scalar))
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "-"
            }
        }
        while result.hasPrefix(".") { result.removeFirst() }
        return result.isEmpty ? "file" : result
    }
}
