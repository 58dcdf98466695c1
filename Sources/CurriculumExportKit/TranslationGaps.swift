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

    /// The untranslated texts of a session, in document order: the programme's title, subtitle, provenance, owner, funders, licence and keywords,
    /// the delivery that schedules it (title, venue, facilitators), the session's audiences (name, description,
    /// profile), the session (with its objectives, preparation, materials and days), each agenda item, the resources and case studies its items use, its evaluation
    /// (titles, questions, options, answer keys) and the glossary.
    public static func find(
        in session: Session, curriculum: Curriculum, language: String, delivery: Delivery? = nil
    ) -> [Gap] {
        var gaps: [Gap] = []
        func label(_ label: Label?, _ what: String, _ location: SourceLocation?) {
            guard let label, !label.text.isEmpty, !label.hasTranslation(language) else { return }
            gaps.append(Gap(what: what, location: location))
        }
        func rich(_ text: RichText?, _ what: String, _ fallback: SourceLocation?) {
            guard let text, !text.plainText.isEmpty, !text.hasTranslation(language) else { return }
            gaps.append(Gap(what: what, location: text.location ?? fallback))
        }
        label(curriculum.title, "the programme's title", curriculum.location)
        label(curriculum.meta.subtitle, "the programme's subtitle", curriculum.location)
        rich(curriculum.meta.provenance, "the programme's provenance", curriculum.location)
        label(curriculum.meta.owner, "the programme's owner", curriculum.location)
        for (index, funder) in curriculum.meta.funders.enumerated() {
            label(funder, "funder \(index + 1) of the programme", curriculum.location)
        }
        label(curriculum.meta.licence, "the programme's licence", curriculum.location)
        for (index, keyword) in curriculum.meta.keywords.enumerated() {
            label(keyword, "keyword \(index + 1) of the programme", curriculum.location)
        }
        if let delivery {
            let name = "delivery \"\(delivery.id)\""
            label(delivery.title, "the title of \(name)", delivery.location)
            label(delivery.venueName, "the venue name of \(name)", delivery.location)
            label(delivery.venueAddress, "the venue address of \(name)", delivery.location)
            for (index, facilitator) in delivery.facilitators.enumerated() {
                label(facilitator.name, "facilitator \(index + 1) of \(name)", delivery.location)
            }
        }
        for audience in curriculum.audiences where session.audiences.contains(audience.id) {
            let name = "audience \"\(audience.id)\""
            label(audience.name, "the name of \(name)", audience.location)
            rich(audience.description, "the description of \(name)", audience.location)
            for (index, sector) in audience.sectors.enumerated() {
                label(sector, "sector \(index + 1) of \(name)", audience.location)
            }
            label(audience.background, "the background of \(name)", audience.location)
            label(audience.priorKnowledge, "the prior knowledge of \(name)", audience.location)
            label(audience.needs, "the needs of \(name)", audience.location)
        }
        let sessionName = "session \"\(session.id)\""
        label(session.title, "the title of \(sessionName)", session.location)
        rich(session.summary, "the summary of \(sessionName)", session.location)
        rich(session.room, "the room notes of \(sessionName)", session.location)
        for objective in curriculum.allObjectives where session.objectiveRefs.contains(objective.id) {
            label(objective.text, "objective \"\(objective.id)\"", objective.location)
        }
        for (index, task) in session.preparation.enumerated() {
            label(task.text, "preparation task \(index + 1) of \(sessionName)", session.location)
        }
        for (index, material) in session.materials.enumerated() {
            label(material.text, "material \(index + 1) of \(sessionName)", session.location)
        }
        for day in session.days {
            label(day.title, "the title of day \(day.number) of \(sessionName)", session.location)
        }
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
            for (index, source) in study.sources.enumerated() {
                label(source.text, "source \(index + 1) of \(name)", study.location)
            }
        }
        for instrument in session.evaluation {
            let name = "evaluation \"\(instrument.id)\""
            label(instrument.title, "the title of \(name)", instrument.location)
            let questions =
                instrument.questionModules.flatMap { id in
                    curriculum.modules.first { $0.id == id }?.questions ?? []
                } + instrument.questions
            for question in questions {
                let what = "question \"\(question.id)\""
                label(question.text, "the text of \(what)", question.location)
                for (index, option) in question.options.enumerated() {
                    label(option, "option \(index + 1) of \(what)", question.location)
                }
                guard let key = question.key else { continue }
                for (index, answer) in key.acceptedAnswers.enumerated() {
                    label(answer, "accepted answer \(index + 1) of \(what)", question.location)
                }
                for feedback in key.feedback { label(feedback.text, "feedback of \(what)", feedback.location) }
                rich(key.explanation, "the explanation of \(what)", question.location)
            }
        }
        for entry in curriculum.glossary {
            label(entry.term, "glossary term \"\(entry.id)\"", entry.location)
            rich(entry.definition, "the definition of glossary term \"\(entry.id)\"", entry.location)
        }
        return gaps
    }
}
