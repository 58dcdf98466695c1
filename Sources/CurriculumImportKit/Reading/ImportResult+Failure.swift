public import CurriculumModel
public import CurriculumPluginKit

extension ImportResult {
    /// The result of an import that found nothing usable: a placeholder curriculum (the model has no "absent"
    /// value) and the errors, so the core writes nothing and shows why.
    public static func failed(_ report: ImportReport) -> ImportResult {
        ImportResult(
            curriculum: Curriculum(id: "not-imported", title: Label("Not imported"), language: "en"),
            diagnostics: report.diagnostics)
    }

    /// The result of an import that could not start: one error, so the core writes nothing and shows why.
    ///
    /// - Parameters:
    ///   - code: The error's code.
    ///   - message: What is wrong, naming the file.
    ///   - location: Where, when known; the source itself otherwise.
    public static func failed(code: String, _ message: String, at location: SourceLocation) -> ImportResult {
        var report = ImportReport()
        report.error(code, message, at: location)
        return failed(report)
    }

    /// The result for a source that cannot be opened (``ImportCode/unreadableSource``).
    public static func unreadable(_ failure: ImportFailure, source: String) -> ImportResult {
        failed(code: ImportCode.unreadableSource, failure.message, at: SourceLocation(path: source))
    }
}
