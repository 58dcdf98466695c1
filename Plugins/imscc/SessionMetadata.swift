import CurriculumModel

/// The facts a cartridge carries for the project's own importer, as LOM identifiers (`<catalog>` and `<entry>`):
/// platforms ignore them, the CC 1.1 schema accepts them, and the importer reads the session back whole.
///
/// On the manifest: `curriculumkit:programme`, `curriculumkit:session`, `curriculumkit:session-title`. On an
/// item: `curriculumkit:day` (a day's number), `curriculumkit:id`, `curriculumkit:kind` and
/// `curriculumkit:duration` (an agenda item's page), `curriculumkit:instrument` (a quiz's instrument or module),
/// and on a day's timetable one `curriculumkit:agenda` per participant item, breaks and meals included:
/// `ID KIND DURATION TITLE` (`-` for no duration).
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
