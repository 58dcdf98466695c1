import CurriculumExportKit
import CurriculumModel
import Foundation

/// The Markdown of one session: title, facts, objectives, then each day's agenda as a table with clock times.
///
/// The notes are written in the language asked for when the session is translated into it (each text falling back
/// to the source language where it has no translation), else in the programme's source language; their own words
/// (headings, column names, kinds of activity) come from the export kit's string catalogue for that language, as
/// the other exporters' do.
struct MarkdownSession {
    let curriculum: Curriculum
    let session: Session
    let delivery: Delivery?
    /// The translation language to write in, or `nil` for the source language.
    var language: String? = nil

    func render() -> String {
        let text = StringCatalogue(language: language ?? curriculum.language)
        var lines: [String] = []
        lines.append("# \(MarkdownEscaping.text(session.title.text(in: language)))")
        lines.append("")
        lines.append(
            "*\(MarkdownEscaping.text(curriculum.title.text(in: language)))* — "
                + MarkdownEscaping.text(
                    "\(text["session"]) \(session.id), \(text.counted(session.days.count, "day"))"))
        if let provenance = curriculum.meta.provenance {
            lines.append("")
            lines.append(
                "> **\(text["aboutThisMaterial"]).** "
                    + markdown(provenance).replacingOccurrences(of: "\n", with: "\n> "))
        }
        if delivery?.isFictional == true {
            lines.append("")
            lines.append("> " + text["fictionalDelivery"])
        }
        if let summary = session.summary {
            lines.append("")
            lines.append(markdown(summary))
        }
        let objectives = curriculum.allObjectives.filter { session.objectiveRefs.contains($0.id) }
        if !objectives.isEmpty {
            lines.append("")
            lines.append("## \(MarkdownEscaping.text(text["objectives"]))")
            lines.append("")
            for objective in objectives {
                lines.append("- \(MarkdownEscaping.text(objective.text.text(in: language)))")
            }
        }
        let timetable = Timetable(session: session, delivery: delivery)
        for day in timetable.days {
            lines.append("")
            let date = day.date.map { " — \($0)" } ?? ""
            let title = day.day.title.map { text["colon"] + MarkdownEscaping.text($0.text(in: language)) } ?? ""
            lines.append("## \(MarkdownEscaping.text(text["day"])) \(day.day.number)\(date)\(title)")
            lines.append("")
            let columns = ["time", "activity", "kind", "duration"].map { MarkdownEscaping.cell(text[$0]) }
            lines.append("| " + columns.joined(separator: " | ") + " |")
            lines.append("|---|---|---|---|")
            for slot in day.slots {
                let minutes = slot.item.minutes.map { ISODuration(minutes: $0).humanReadable } ?? "—"
                lines.append(
                    "| \(slot.start)–\(slot.end) | \(MarkdownEscaping.cell(slot.item.title.text(in: language))) | \(MarkdownEscaping.cell(text.term("kind", slot.item.kind.rawValue))) | \(minutes) |"
                )
            }
        }
        if let zone = timetable.timezone {
            lines.append("")
            lines.append("\(MarkdownEscaping.text(text["timesLocal"])) \(MarkdownEscaping.text(text.timeZone(zone))).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rich text as Markdown paragraphs and lists.
    private func markdown(_ text: RichText) -> String {
        text.blocks(in: language).map { block in
            switch block.kind {
            case .paragraph: inline(block.inlines)
            case .quote: "> " + inline(block.inlines)
            case .bullets: block.items.map { "- " + inline($0) }.joined(separator: "\n")
            case .numbers:
                block.items.enumerated().map { "\($0.offset + 1). " + inline($0.element) }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    private func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            let inner = item.text.map(MarkdownEscaping.text) ?? inline(item.children ?? [])
            switch item.kind {
            case .text, .term: return inner
            case .emphasis: return "*\(inner)*"
            case .strong: return "**\(inner)**"
            case .link:
                // Only web links, in angle brackets with anything that could end the target encoded.
                guard let target = MarkdownEscaping.destination(item.href) else { return inner }
                return "[\(inner)](\(target))"
            }
        }.joined()
    }

}
