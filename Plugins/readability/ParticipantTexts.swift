import CurriculumExportKit
import CurriculumModel

/// A piece of text participants will read, with where it is and what it is.
struct ParticipantText {
    enum Kind { case title, prose, instructions }

    var text: String
    var role: String
    var kind: Kind
    var location: SourceLocation?
}

/// Collects the participant-facing text of a curriculum; facilitator-only content is skipped.
struct ParticipantTexts {
    private(set) var all: [ParticipantText] = []

    init(_ curriculum: Curriculum) {
        add(curriculum.title.text, "programme title", .title, curriculum.location)
        for module in curriculum.modules {
            add(module.title.text, "title of module \"\(module.id)\"", .title, module.location)
            add(module.summary, as: .moduleSummary, "summary of module \"\(module.id)\"", module.location)
            module.activities.forEach { activity($0) }
            for question in module.questions {
                add(question.text.text, "question \"\(question.id)\"", .prose, question.location)
            }
        }
        for objective in curriculum.allObjectives {
            add(objective.text.text, "objective \"\(objective.id)\"", .prose, objective.location)
        }
        for study in curriculum.allCaseStudies where ParticipantView.sees(study) {
            let name = "case study \"\(study.id)\""
            add(study.title.text, "title of \(name)", .title, study.location)
            for (part, text) in [
                ("summary", study.summary), ("context", study.context), ("approach", study.approach),
                ("impact", study.impact), ("lessons", study.lessons),
            ] {
                add(text, as: .caseStudySection, "\(part) of \(name)", study.location)
            }
        }
        for session in curriculum.sessions {
            add(session.title.text, "title of session \"\(session.id)\"", .title, session.location)
            add(session.summary, as: .sessionSummary, "summary of session \"\(session.id)\"", session.location)
            for item in session.allItems where item.module == nil { activity(item) }
            for instrument in session.evaluation {
                for question in instrument.questions {
                    add(question.text.text, "question \"\(question.id)\"", .prose, question.location)
                }
            }
        }
    }

    private mutating func activity(_ activity: Activity) {
        guard ParticipantView.sees(activity) else { return }
        let name = "\"\(activity.id)\""
        add(activity.title.text, "title of \(name)", .title, activity.location)
        add(activity.purpose, as: .purpose, "purpose of \(name)", activity.location)
        if let instructions = ParticipantView.text(activity.participantInstructions, as: .participantInstructions) {
            all.append(
                ParticipantText(
                    text: instructions.plainText, role: "participant instructions of \(name)", kind: .instructions,
                    location: instructions.location ?? activity.location))
        }
    }

    private mutating func add(_ text: String, _ role: String, _ kind: ParticipantText.Kind, _ location: SourceLocation?)
    {
        guard !text.isEmpty else { return }
        all.append(ParticipantText(text: text, role: role, kind: kind, location: location))
    }

    /// A rich text, when the participant view lets participants read it in that field.
    private mutating func add(
        _ rich: RichText?, as field: ParticipantView.Field, _ role: String, _ location: SourceLocation?
    ) {
        guard let rich = ParticipantView.text(rich, as: field) else { return }
        add(rich.plainText, role, .prose, rich.location ?? location)
    }
}
