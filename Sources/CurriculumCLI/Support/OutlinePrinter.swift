import CurriculumKit
import CurriculumModel
import Foundation

/// The text of `curriculum show`: an overview of the programme and timetables of its sessions. Every text from
/// the curriculum passes through ``TerminalText`` (`t(_:)`), since content can hold control characters.
struct OutlinePrinter {
    let curriculum: Curriculum
    let delivery: Delivery?

    func overview() -> String {
        let c = curriculum
        var text = "\(t(c.title.text))\n"
        var facts = ["id \(t(c.id))", "language \(t(c.language))"]
        if let revision = c.revision { facts.append("revision \(revision)") }
        if !c.meta.translationLanguages.isEmpty {
            facts.append("translations \(t(c.meta.translationLanguages.joined(separator: ", ")))")
        }
        text += "  " + facts.joined(separator: " · ") + "\n"
        if !c.audiences.isEmpty {
            text += "\nAudiences\n"
            for audience in c.audiences {
                text +=
                    "  \(pad(audience.id, 18)) \(t(audience.role).padding(toLength: 12, withPad: " ", startingAt: 0)) \(t(audience.name.text))\n"
            }
        }
        if !c.modules.isEmpty {
            text += "\nModules\n"
            for module in c.modules {
                let time = ISODuration(minutes: module.totalMinutes).humanReadable
                text +=
                    "  \(pad(module.id, 18)) \(t(module.title.text)) — \(module.activities.count) activities, \(time)\n"
            }
        }
        text += "\nSessions\n"
        for session in c.sessions {
            let modules = session.moduleIDs.isEmpty ? "" : " — modules: \(t(session.moduleIDs.joined(separator: ", ")))"
            text +=
                "  \(pad(session.id, 18)) \(t(session.title.text)) (\(session.days.count) day\(session.days.count == 1 ? "" : "s"))\(modules)\n"
        }
        text +=
            "\nObjectives \(c.allObjectives.count) · resources \(c.allResources.count) · case studies \(c.allCaseStudies.count)"
        text += " · deliveries \(c.deliveries.count)\n"
        return text
    }

    func timetable(of session: Session) -> String {
        let chosen = delivery ?? curriculum.deliveries.first { $0.run(of: session.id) != nil }
        let timetable = Timetable(session: session, delivery: chosen)
        var text = "\nSession \(t(session.id)): \(t(session.title.text))\n"
        if let chosen, chosen.run(of: session.id) != nil {
            let venue = chosen.venueName.map { ", \(t($0.text))" } ?? ""
            text += "  delivery \(t(chosen.id)) (\(t(chosen.timezone))\(venue))\n"
        } else {
            text += "  no delivery schedules this session; times from each day's nominal start\n"
        }
        for day in timetable.days {
            let date = day.date.map { " — \(t("\($0)"))" } ?? ""
            let title = day.day.title.map { ": \(t($0.text))" } ?? ""
            text += "\n  Day \(day.day.number)\(date)\(title)\n"
            for slot in day.slots {
                let module = slot.item.module.map { "  [\(t($0))]" } ?? ""
                let duration = slot.item.minutes.map { ISODuration(minutes: $0).humanReadable } ?? "no duration"
                text +=
                    "    \(slot.start)–\(slot.end)  \(pad(slot.item.kind.rawValue, 16)) \(t(slot.item.title.text)) (\(duration))\(module)\n"
            }
            let total = ISODuration(minutes: day.day.totalMinutes).humanReadable
            text += "    \(String(repeating: " ", count: 11))  \(total) from \(day.start) to \(day.end)\n"
        }
        return text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let shown = t(text)
        return shown.count >= width ? shown : shown.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    private func t(_ text: String) -> String { TerminalText.escaped(text) }
}
