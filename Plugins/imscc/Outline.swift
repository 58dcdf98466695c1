import CurriculumExportKit
import CurriculumModel

/// One `<item>` of the organisation.
struct OutlineItem {
    var identifier: String
    var title: String
    /// The resource it shows; `nil` for a grouping item.
    var resource: String?
    var children: [OutlineItem] = []
    /// What the round trip reads back: the agenda item's ID, kind and duration (see ``SessionMetadata``).
    var facts: [(catalog: String, entry: String)] = []
}

/// Lays the session out as platforms read an organisation.
///
/// The root item's children become Moodle's and Canvas's course sections, the first being section 0: "About this
/// session", then one item per day, then "For facilitators" (the guide, Instructor role) where the target honours
/// roles. Moodle and Canvas get each day's pages directly under the day; Open edX gets day → part of day →
/// activity unit → pages, its chapter → subsection → unit. Every item has an identifier.
struct Outline {
    let builder: CartridgeBuilder
    let state: BuildState

    private var language: String? { builder.language }
    private var text: StringCatalogue { builder.text }

    func build() -> [OutlineItem] {
        var ids = state.ids
        var placedHandouts: Set<String> = []
        var placedLinks: Set<String> = []
        let pages = Pages(builder: builder, state: state)

        let aboutTitle = text["cartridge.aboutSession"]
        var about = OutlineItem(identifier: "about", title: aboutTitle)
        about.children.append(
            OutlineItem(identifier: ids.claim("item-about"), title: aboutTitle, resource: BuildState.aboutID))
        about.children += quizzes(.about)
        var top = [about]

        for (dayIndex, day) in state.timetable.days.enumerated() {
            var dayItem = OutlineItem(identifier: state.dayItemIDs[dayIndex], title: pages.dayHeading(day))
            dayItem.facts = [
                ("curriculumkit:day", String(day.day.number)), ("curriculumkit:start", day.start.description),
            ]
            let timetable = OutlineItem(
                identifier: ids.claim("item-\(state.dayItemIDs[dayIndex])-timetable"),
                title: "\(text["cartridge.timetable"]) · \(pages.dayName(day.day.number))",
                resource: state.timetableIDs[dayIndex],
                facts: SessionMetadata.agendaFacts(
                    state.items.filter { $0.dayIndex == dayIndex && $0.isForParticipants }.map(\.slot.item),
                    language: language))
            // Each participant item with a page: its page, then what it brings first (handouts, links, quizzes).
            var units: [(index: Int, unit: OutlineItem)] = []
            for (index, item) in state.items.enumerated() where item.dayIndex == dayIndex && item.hasPage {
                guard let itemID = item.itemID, let pageID = item.pageID else { continue }
                let activity = item.slot.item
                let title = Pages.title(activity.title.text(in: language), fallback: activity.id)
                var page = OutlineItem(identifier: itemID, title: title, resource: pageID)
                page.facts = Self.facts(of: activity)
                var unit = OutlineItem(identifier: ids.claim("unit-\(Names.token(activity.id))"), title: title)
                unit.children.append(page)
                for resource in item.resources {
                    switch state.packed[resource.id] {
                    case .participantFile(_, let id)? where placedHandouts.insert(id).inserted:
                        unit.children.append(
                            OutlineItem(
                                identifier: ids.claim("item-\(id)"),
                                title: Pages.title(resource.title.text(in: language), fallback: resource.id),
                                resource: id))
                    case .external(_, let id?)? where placedLinks.insert(id).inserted:
                        unit.children.append(
                            OutlineItem(
                                identifier: ids.claim("item-\(id)"),
                                title: Pages.title(resource.title.text(in: language), fallback: resource.id),
                                resource: id))
                    default: continue
                    }
                }
                unit.children += quizzes(.afterItem(index))
                units.append((index, unit))
            }
            if dayIndex == state.timetable.days.count - 1 {
                let closing = quizzes(.end)
                if !closing.isEmpty {
                    units.append(
                        (
                            state.items.count,
                            OutlineItem(
                                identifier: ids.claim("unit-evaluation"), title: closing[0].title, children: closing)
                        ))
                }
            }
            if builder.target.nestsActivities {
                dayItem.children = parts(
                    of: dayIndex, timetable: timetable, units: units, day: day, ids: &ids)
            } else {
                dayItem.children = [timetable] + units.flatMap(\.unit.children)
            }
            top.append(dayItem)
        }

        if builder.includesGuide {
            var facilitators = OutlineItem(identifier: "facilitators", title: text["cartridge.forFacilitators"])
            facilitators.children.append(
                OutlineItem(identifier: "guide", title: text["facilitatorGuide"], resource: Cartridge.guideID))
            top.append(facilitators)
        }
        return top
    }

    /// A day split at its first meal into morning and afternoon (Open edX subsections), each holding units.
    private func parts(
        of dayIndex: Int, timetable: OutlineItem, units: [(index: Int, unit: OutlineItem)],
        day: Timetable.DaySchedule, ids: inout UniqueNames
    ) -> [OutlineItem] {
        let dayID = state.dayItemIDs[dayIndex]
        let meal = state.items.indices.first {
            state.items[$0].dayIndex == dayIndex && state.items[$0].slot.item.kind == .meal
        }
        var timetableUnit = OutlineItem(identifier: ids.claim("unit-\(dayID)-timetable"), title: timetable.title)
        timetableUnit.children = [timetable]
        let before = units.filter { unit in meal.map { unit.index < $0 } ?? true }.map(\.unit)
        let after = units.filter { unit in meal.map { unit.index > $0 } ?? false }.map(\.unit)
        var morning = OutlineItem(
            identifier: ids.claim("\(dayID)-part-1"),
            title: meal == nil
                ? Pages(builder: builder, state: state).dayName(day.day.number) : text["cartridge.morning"])
        morning.children = [timetableUnit] + before
        guard !after.isEmpty else { return [morning] }
        var afternoon = OutlineItem(identifier: ids.claim("\(dayID)-part-2"), title: text["cartridge.afternoon"])
        afternoon.children = after
        return [morning, afternoon]
    }

    private func quizzes(_ placement: Assessment.Placement) -> [OutlineItem] {
        state.assessments.filter { $0.placement == placement }.map { assessment in
            OutlineItem(
                identifier: assessment.itemID, title: assessment.title, resource: assessment.id,
                facts: SessionMetadata.quizFacts(assessment))
        }
    }

    /// The agenda item's ID, kind and duration, for the project's own importer.
    static func facts(of activity: Activity) -> [(catalog: String, entry: String)] {
        var facts = [("curriculumkit:id", activity.id), ("curriculumkit:kind", activity.kind.rawValue)]
        if let duration = activity.duration { facts.append(("curriculumkit:duration", duration)) }
        return facts
    }
}
