public import CurriculumModel

/// Every text of a session's pack that has no translation into a language, so a pack in that language can list
/// each block shown in the source language instead, at its source line.
public enum TranslationGaps {
    /// One untranslated text: what it is (`purpose of "s1-map"`) and where it is written (the text's own line for
    /// rich text, else the element that holds a label).
    public struct Gap: Sendable, Equatable {
        public var what: String
        public var location: SourceLocation?
    }

    /// The untranslated texts of a session, in document order: the session, each agenda item, the resources and
    /// case studies its items use.
    public static func find(in session: Session, curriculum: Curriculum, language: String) -> [Gap] {
        var gaps: [Gap] = []
        func label(_ label: Label?, _ what: String, _ location: SourceLocation?) {
            guard let label, !label.text.isEmpty, !label.hasTranslation(language) else { return }
            gaps.append(Gap(what: what, location: location))
        }
        func rich(_ text: RichText?, _ what: String, _ fallback: SourceLocation?) {
            guard let text, !text.plainText.isEmpty, !text.hasTranslation(language) else { return }
            gaps.append(Gap(what: what, location: text.location ?? fallback))
        }
        let sessionName = "session \"\(session.id)\""
        label(session.title, "the title of \(sessionName)", session.location)
        rich(session.summary, "the summary of \(sessionName)", session.location)
        rich(session.room, "the room notes of \(sessionName)", session.location)
        var resourceIDs: [String] = []
        var caseIDs: [String] = []
        for item in session.allItems {
            let name = "\"\(item.id)\""
            label(item.title, "the title of \(name)", item.location)
            rich(item.purpose, "the purpose of \(name)", item.location)
            rich(item.participantInstructions, "the participant instructions of \(name)", item.location)
            rich(item.facilitatorNotes, "the facilitator notes of \(name)", item.location)
            rich(item.sensitivityNote, "the sensitivity note of \(name)", item.location)
            for (index, step) in item.steps.enumerated() {
                label(step.text, "step \(index + 1) of \(name)", item.location)
            }
            for (index, question) in item.debrief.enumerated() {
                label(question, "debrief question \(index + 1) of \(name)", item.location)
            }
            for variant in item.variants { rich(variant.text, "a variant of \(name)", item.location) }
            for id in item.resources where !resourceIDs.contains(id) { resourceIDs.append(id) }
            for id in item.cases where !caseIDs.contains(id) { caseIDs.append(id) }
        }
        for resource in curriculum.allResources where resourceIDs.contains(resource.id) {
            label(resource.title, "the title of resource \"\(resource.id)\"", resource.location)
            rich(resource.description, "the description of resource \"\(resource.id)\"", resource.location)
        }
        for study in curriculum.allCaseStudies where caseIDs.contains(study.id) {
            let name = "case study \"\(study.id)\""
            label(study.title, "the title of \(name)", study.location)
            for (text, part) in [
                (study.summary, "summary"), (study.contentWarning, "content warning"), (study.context, "context"),
                (study.approach, "approach"), (study.impact, "impact"), (study.lessons, "lessons"),
                (study.facilitatorNotes, "facilitator notes"),
            ] {
                rich(text, "the \(part) of \(name)", study.location)
            }
            for (index, question) in study.discussion.enumerated() {
                label(question, "discussion question \(index + 1) of \(name)", study.location)
            }
        }
        return gaps
    }
}
