import CurriculumModel

/// The facts a cartridge carries for the project's own importer, as LOM identifiers (`<catalog>` and `<entry>`):
/// platforms ignore them, the CC 1.1 schema accepts them, and the importer reads the session back whole.
///
/// On the manifest: `curriculumkit:programme`, `curriculumkit:session`, `curriculumkit:session-title`. On an
/// item: `curriculumkit:day` (a day's number), `curriculumkit:id`, `curriculumkit:kind` and
/// `curriculumkit:duration` (an agenda item's page), and on a day's timetable one `curriculumkit:agenda` per
/// participant item, breaks and meals included: `ID KIND DURATION TITLE` (`-` for no duration).
///
/// On a quiz: `curriculumkit:instrument` (the instrument's ID, or the module's for a knowledge check),
/// `curriculumkit:instrument-kind` and `curriculumkit:instrument-for` (the instrument's kind and its `for=`, when
/// it has one) or `curriculumkit:module` (a knowledge check), and one `curriculumkit:question` per question in the
/// order of the QTI items: `ID TYPE`, with `ungraded` after it for a `graded="no"` question. QTI item identifiers
/// must be unique in the file and the profile allows no metadata of its own, so the question IDs travel here.
enum SessionMetadata {
    static let prefix = "curriculumkit:"

    static func manifestFacts(builder: CartridgeBuilder) -> [(String, String)] {
        [
            (prefix + "programme", builder.curriculum.id), (prefix + "session", builder.session.id),
            (
                prefix + "session-title",
                Pages.title(builder.session.title.text(in: builder.language), fallback: builder.session.id)
            ),
        ]
    }

    static func quizFacts(_ assessment: Assessment) -> [(catalog: String, entry: String)] {
        var facts = [(prefix + "instrument", assessment.source)]
        if let instrument = assessment.instrument {
            facts.append((prefix + "instrument-kind", instrument.kind))
            if let audience = instrument.audience { facts.append((prefix + "instrument-for", audience.rawValue)) }
        } else {
            facts.append((prefix + "module", assessment.source))
        }
        for question in assessment.questions {
            var fields = [Names.token(question.id), Names.token(question.type)]
            if question.isGraded == false { fields.append("ungraded") }
            facts.append((prefix + "question", fields.joined(separator: " ")))
        }
        return facts
    }

    static func agendaFacts(_ activities: [Activity], language: String?) -> [(catalog: String, entry: String)] {
        activities.map { activity in
            let title = Pages.title(activity.title.text(in: language), fallback: activity.id)
            let fields = [
                Names.token(activity.id), Names.token(activity.kind.rawValue),
                activity.duration.map(Names.token) ?? "-",
                title,
            ]
            return (prefix + "agenda", fields.joined(separator: " "))
        }
    }
}
