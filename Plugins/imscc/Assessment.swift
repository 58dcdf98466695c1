import CurriculumExportKit
import CurriculumModel

/// One quiz of the cartridge: an evaluation instrument of the session, or the knowledge check of a module whose
/// questions no instrument includes. Written as a QTI 1.2.1 assessment by ``QTIWriter``.
struct Assessment {
    /// Where the quiz goes in the outline.
    enum Placement: Equatable {
        /// With the "About this session" page: a questionnaire to answer before the session.
        case about
        /// Right after the page of an agenda item (its position in ``BuildState/items``).
        case afterItem(Int)
        /// At the end of the last day.
        case end
    }

    /// The `<resource>` and `<item>` identifiers and the path of the QTI file.
    var id: String
    var itemID: String
    var path: String
    var title: String
    /// The instrument or module it comes from, for findings and the round trip.
    var source: String
    /// The instrument it comes from, `nil` for a module's knowledge check: its kind and audience travel to the
    /// project's own importer.
    var instrument: Instrument?
    var questions: [Question]
    var placement: Placement
}

extension BuildState {
    /// Plans a quiz for each participant instrument with questions, then one knowledge check for each module of the
    /// session whose questions no instrument includes.
    mutating func planAssessments() {
        let session = builder.session
        let language = builder.language
        let modules = Dictionary(
            builder.curriculum.modules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let evaluationItem = items.indices.last { items[$0].hasPage && items[$0].slot.item.kind == .evaluation }
        var covered: Set<String> = []
        for instrument in session.evaluation where ParticipantView.sees(instrument) {
            let questions = instrument.questionModules.flatMap { modules[$0]?.questions ?? [] } + instrument.questions
            covered.formUnion(instrument.questionModules)
            guard !questions.isEmpty else { continue }
            let placement: Assessment.Placement
            switch instrument.kind {
            case "pre": placement = .about
            case "post", "session-feedback": placement = evaluationItem.map { .afterItem($0) } ?? .end
            default: placement = .end
            }
            let title = Pages.title(instrument.title.text(in: language), fallback: instrument.id)
            add(
                source: instrument.id, instrument: instrument, title: title, questions: questions,
                placement: placement)
        }
        for moduleID in session.moduleIDs where !covered.contains(moduleID) {
            guard let module = modules[moduleID], !module.questions.isEmpty else { continue }
            let last = items.indices.last { items[$0].hasPage && items[$0].slot.item.module == moduleID }
            let title =
                builder.text["cartridge.knowledgeCheck"] + builder.text["colon"] + module.title.text(in: language)
            add(
                source: module.id, instrument: nil, title: title, questions: module.questions,
                placement: last.map { .afterItem($0) } ?? .end)
        }
    }

    private mutating func add(
        source: String, instrument: Instrument?, title: String, questions: [Question], placement: Assessment.Placement
    ) {
        let token = Names.token(source)
        assessments.append(
            Assessment(
                id: ids.claim("quiz-\(token)"), itemID: ids.claim("item-quiz-\(token)"),
                path: paths.claim("assessments/\(Names.segment(source))/assessment.xml"), title: title, source: source,
                instrument: instrument, questions: questions, placement: placement))
    }
}
