import CurriculumKit
import CurriculumModel
import Foundation

/// The text of `curriculum show`: an overview of the programme and timetables of its sessions.
struct OutlinePrinter {
    let curriculum: Curriculum
    let delivery: Delivery?

    func overview() -> String {
        let c = curriculum
        var text = "\(c.title.text)\n"
        var facts = ["id \(c.id)", "language \(c.language)"]
        if let revision = c.revision { facts.append("revision \(revision)") }
        if !c.meta.translationLanguages.isEmpty {
            facts.append("translations \(c.meta.translationLanguages.joined(separator: ", "))")
        }
        text += "  " + facts.joined(separator: " · ") + "\n"
        if !c.audiences.isEmpty {
            text += "\nAudiences\n"
            for audience in c.audiences {
                text +=
                    "  \(pad(audience.id, 18)) \(audience.role.padding(toLength: 12, withPad: " ", startingAt: 0)) \(audience.name.text)\n"
            }
        }
        if !c.modules.isEmpty {
            text += "\nModules\n"
            for module in c.modules {
                let time = ISODuration(minutes: module.totalMinutes).humanReadable
                text +=
                    "  \(pad(module.id, 18)) \(module.title.text) — \(module.activities.count) activities, \(time)\n"
            }
        }
        text += "\nSessions\n"
        for session in c.sessions {
            let modules = session.moduleIDs.isEmpty ? "" : " — modules: \(session.moduleIDs.joined(separator: ", "))"
            text +=
                "  \(pad(session.id, 18)) \(session.title.text) (\(session.days.count) day\(session.days.count == 1 ? "" : "s"))\(modules)\n"
        }
        text +=
            "\nObjectives \(c.allObjectives.count) · resources \(c.allResources.count) · case studies \(c.allCaseStudies.count)"
        text += " · deliveries \(c.deliveries.count)\n"
        return text
    }

    func timetable(of session: Session) -> String {
        let chosen = delivery ?? curriculum.deliveries.first { $0.run(of: session.id) != nil }
        let timetable = Timetable(session: session, delivery: chosen)
        var text = "\nSession \(session.id): \(session.title.text)\n"
        if let chosen, chosen.run(of: session.id) != nil {
            let venue = chosen.venueName.map { ", \($0)" } ?? ""
            text += "  delivery \(chosen.id) (\(chosen.timezone)\(venue))\n"
        } else {
            text += "  no delivery schedules this session; times from each day's nominal start\n"
        }
        for day in timetable.days {
            let date = day.date.map { " — \($0)" } ?? ""
            let title = day.day.title.map { ": \($0.text)" } ?? ""
            text += "\n  Day \(day.day.number)\(date)\(title)\n"
            for slot in day.slots {
                let module = slot.item.module.map { "  [\($0)]" } ?? ""
                let duration = slot.item.minutes.map { ISODuration(minutes: $0).humanReadable } ?? "no duration"
                text +=
                    "    \(slot.start)–\(slot.end)  \(pad(slot.item.kind.rawValue, 16)) \(slot.item.title.text) (\(duration))\(module)\n"
            }
            let total = ISODuration(minutes: day.day.totalMinutes).humanReadable
            text += "    \(String(repeating: " ", count: 11))  \(total) from \(day.start) to \(day.end)\n"
        }
        return text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
