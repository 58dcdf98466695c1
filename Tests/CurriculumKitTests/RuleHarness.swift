import CurriculumModel
import Foundation

@testable import CurriculumKit

/// Runs every model rule on a model built in code.
enum RuleHarness {
    static func findings(
        _ curriculum: Curriculum, root: String = FileManager.default.temporaryDirectory.path
    ) -> [Diagnostic] {
        let context = ValidationContext(curriculum: curriculum, root: CurriculumRoot(path: root))
        var collector = DiagnosticCollector()
        RuleRegistry.check(context, into: &collector)
        return collector.diagnostics
    }

    static func codes(_ curriculum: Curriculum) -> [String] { findings(curriculum).map(\.code) }

    static func item(_ id: String, _ kind: ActivityKind, _ duration: String?, develops: [String] = []) -> Activity {
        Activity(
            id: id, kind: kind, title: Label(id), duration: duration, develops: develops,
            facilitatorNotes: kind.isPause ? nil : .paragraph("Notes."),
            location: SourceLocation(path: "p.xml", line: 10, column: 3))
    }

    static func programme(
        days: [Day], objectives: [Objective] = [], questions: [Question] = [], translations: [String] = []
    ) -> Curriculum {
        Curriculum(
            id: "p", title: "Programme", language: "en", meta: ProgrammeMeta(translationLanguages: translations),
            objectives: objectives,
            sessions: [
                Session(
                    id: "s1", declaredDays: days.count, translationLanguages: translations, title: "Session",
                    objectiveRefs: objectives.map(\.id), days: days,
                    evaluation: [Instrument(id: "ev", kind: "post", title: "Form", questions: questions)])
            ])
    }
}
