import CurriculumModel
import CurriculumPluginKit

/// Keeps one plugin's answer to a size the renderers handle: at most a limit of diagnostics, the most severe
/// first, so a capped run fails exactly when the full answer would have.
enum DiagnosticCap {
    /// How many diagnostics an answer had when some were left out.
    struct Dropped {
        var total: Int
    }

    /// Caps the diagnostics of a validate, import or export result; `nil` when nothing was left out.
    static func apply<Result>(to result: inout Result, limit: Int) -> Dropped? {
        switch result {
        case var capped as ValidateResult:
            guard let dropped = cap(&capped.diagnostics, limit: limit) else { return nil }
            if let back = capped as? Result { result = back }
            return dropped
        case var capped as ExportResult:
            guard let dropped = cap(&capped.diagnostics, limit: limit) else { return nil }
            if let back = capped as? Result { result = back }
            return dropped
        case var capped as ImportAnswer:
            guard let dropped = cap(&capped.diagnostics, limit: limit) else { return nil }
            if let back = capped as? Result { result = back }
            return dropped
        default:
            return nil
        }
    }

    private static func cap(_ diagnostics: inout [Diagnostic], limit: Int) -> Dropped? {
        guard limit > 0, diagnostics.count > limit else { return nil }
        let total = diagnostics.count
        // A stable order by severity, so the kept ones are the plugin's first errors, then warnings, then notes.
        let kept = diagnostics.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.prefix(limit).sorted { $0.offset < $1.offset }.map(\.element)
        diagnostics = kept
        return Dropped(total: total)
    }
}
