import CurriculumModel

/// The course title and short code of a session's cartridge: they name the programme and the session, and the
/// cohort when a delivery is chosen, so that every session (and every cohort) imports as a course of its own.
struct CourseNames {
    let builder: CartridgeBuilder

    /// `LIAISE: Local Institutions Against Extremism – Shared diagnosis – Brussels 2027`.
    var title: String {
        let language = builder.language
        var parts = [
            builder.curriculum.title.text(in: language),
            Pages.title(builder.session.title.text(in: language), fallback: builder.session.id),
        ]
        if let delivery = builder.delivery {
            parts.append(delivery.title.map { $0.text(in: language) }.flatMap { $0.isEmpty ? nil : $0 } ?? delivery.id)
        }
        return parts.joined(separator: " – ")
    }

    /// `LIAISE-S1-BRUSSELS-2027`: the programme's code (or ID), the session's ID and the delivery's ID.
    var shortCode: String {
        let programme = builder.curriculum.meta.code.flatMap { $0.isEmpty ? nil : $0 } ?? builder.curriculum.id
        var parts = [programme, builder.session.id]
        if let delivery = builder.delivery { parts.append(delivery.id) }
        return parts.map { Names.token($0).uppercased() }.joined(separator: "-")
    }
}
