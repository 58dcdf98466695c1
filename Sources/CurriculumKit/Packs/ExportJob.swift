import CurriculumPluginKit

/// One `export` request of a pack run: a format for one session, or — for a format its exporter batches
/// (`capabilities.export.batched`, such as `pdf`, which starts a browser) — for every session of the run that
/// shares a delivery, so the exporter starts its engine once.
struct ExportJob: Sendable {
    var format: String
    var sessions: [String]

    /// The requests for a run. Batched jobs come first: they are the longest, and the others fill the remaining
    /// processors meanwhile. A session whose ID is not a plain file name is never batched, because the exporter's
    /// answer names its folder after the ID.
    ///
    /// - Parameters:
    ///   - batched: Whether the exporter of a format wants its sessions in one request.
    ///   - delivery: The ID of the delivery a session is packed with; one request holds one delivery.
    static func plan(
        sessions: [String], formats: [String], batched: (String) -> Bool, delivery: (String) -> String?
    ) -> [ExportJob] {
        var batches: [ExportJob] = []
        var single: [ExportJob] = []
        for format in formats where batched(format) {
            var groups: [(delivery: String?, sessions: [String])] = []
            for session in sessions where isPlainFolderName(session) {
                let key = delivery(session)
                if let index = groups.firstIndex(where: { $0.delivery == key }) {
                    groups[index].sessions.append(session)
                } else {
                    groups.append((key, [session]))
                }
            }
            batches += groups.map { ExportJob(format: format, sessions: $0.sessions) }
        }
        for session in sessions {
            for format in formats where !batched(format) || !isPlainFolderName(session) {
                single.append(ExportJob(format: format, sessions: [session]))
            }
        }
        return batches + single
    }

    /// The answer as one result per session. With one session the answer is that session's; with several, each
    /// artifact lies under `<session ID>/` and goes, without that folder, to its session, and the diagnostics go
    /// with the first session (the core shows each finding once anyway).
    ///
    /// - Throws: ``PackFailure`` (exporter) for an artifact outside every session's folder.
    func split(_ result: ExportResult, exporter: String) throws -> [(String, ExportResult)] {
        guard sessions.count > 1 else { return [(sessions[0], result)] }
        var parts = sessions.map { _ in ExportResult(artifacts: [], diagnostics: []) }
        parts[0].diagnostics = result.diagnostics
        for artifact in result.artifacts {
            guard let index = sessions.firstIndex(where: { artifact.path.hasPrefix($0 + "/") }) else {
                throw PackFailure(
                    kind: .exporter,
                    message:
                        "exporter \(exporter) was asked for sessions \(sessions.joined(separator: ", ")) in one request (format \(format)) but returned \(ArtifactPath.quoted(artifact.path)), which is in no session's folder"
                )
            }
            var moved = artifact
            moved.path = String(artifact.path.dropFirst(sessions[index].count + 1))
            parts[index].artifacts.append(moved)
        }
        return Array(zip(sessions, parts))
    }

    /// Letters, digits, `-`, `_` and `.`, not starting with a dot: a name an exporter can use as a folder as is.
    static func isPlainFolderName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }
}
