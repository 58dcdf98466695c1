import CurriculumModel
import CurriculumPluginKit

/// The HTML pages of a cartridge: one self-contained page per participant agenda item, and the facilitator guide.
///
/// Participant pages carry participant-visible content only (title, time, purpose, instructions, participant
/// handouts) and never link into `instructor/`. Pages are well-formed XHTML-compatible HTML5 with inline styles.
struct Pages {
    let builder: CartridgeBuilder
    let state: BuildState

    private var language: String? { builder.language }
    private var curriculum: Curriculum { builder.curriculum }
    private var session: Session { builder.session }

    // MARK: - Participant pages

    /// The page of one participant agenda item.
    func itemPage(_ item: PlannedItem) -> String {
        let activity = item.slot.item
        let title = Self.title(activity.title.text(in: language), fallback: activity.id)
        var body = "<h1>\(MarkupEscaping.text(title))</h1>\n"
        body += "<p class=\"when\">\(MarkupEscaping.text(when(item)))</p>\n"
        if let purpose = activity.purpose, purpose.isVisibleToParticipants(byDefault: .all) {
            body += "<h2>Purpose</h2>\n" + richText(purpose)
        }
        if let instructions = activity.participantInstructions,
            instructions.isVisibleToParticipants(byDefault: .participant)
        {
            body += "<h2>What to do</h2>\n" + richText(instructions)
        }
        let handouts = item.resources.filter { $0.visibility.isVisibleToParticipants }
        if !handouts.isEmpty {
            body += "<h2>Handouts and links</h2>\n<ul>\n"
            for resource in handouts {
                body += "<li>\(resourceLink(resource, from: .participantPage))</li>\n"
            }
            body += "</ul>\n"
        }
        let context = "\(curriculum.title.text(in: language)) · \(session.title.text(in: language))"
        body += "<p class=\"context\">\(MarkupEscaping.text(context))</p>\n"
        return document(title: title, body: body)
    }

    // MARK: - Facilitator guide

    /// The facilitator guide: every item of the session with its facilitator material.
    func facilitatorGuide() -> String {
        let sessionTitle = session.title.text(in: language)
        var body = "<h1>Facilitator guide: \(MarkupEscaping.text(sessionTitle))</h1>\n"
        body +=
            "<p class=\"notice\">For facilitators only. This page is not linked from the participants' pages.</p>\n"
        body +=
            "<p class=\"context\">\(MarkupEscaping.text(curriculum.title.text(in: language))) · session \(MarkupEscaping.text(session.id))</p>\n"
        if !session.preparation.isEmpty || !session.materials.isEmpty {
            body += "<h2>Before the session</h2>\n"
            if !session.preparation.isEmpty {
                body += "<h3>Preparation</h3>\n<ul>\n"
                for task in session.preparation {
                    var facts: [String] = []
                    if let lead = task.leadTime { facts.append(Self.leadTime(lead)) }
                    if let owner = task.owner { facts.append(owner) }
                    let suffix = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
                    body += "<li>\(MarkupEscaping.text(task.text.text(in: language) + suffix))</li>\n"
                }
                body += "</ul>\n"
            }
            if !session.materials.isEmpty {
                body += "<h3>Materials</h3>\n<ul>\n"
                for material in session.materials {
                    var text = material.text.text(in: language)
                    if let quantity = material.quantity {
                        text = "\(quantity) × \(text)" + (material.per.map { " per \($0)" } ?? "")
                    }
                    body += "<li>\(MarkupEscaping.text(text))</li>\n"
                }
                body += "</ul>\n"
            }
        }
        for (dayIndex, day) in state.timetable.days.enumerated() {
            body += "<h2>\(MarkupEscaping.text(dayHeading(day)))</h2>\n"
            let items = state.items.filter { $0.dayIndex == dayIndex }
            if items.isEmpty { body += "<p>No agenda.</p>\n" }
            for item in items { body += guideSection(item) }
        }
        return document(title: "Facilitator guide: \(sessionTitle)", body: body)
    }

    private func guideSection(_ item: PlannedItem) -> String {
        let activity = item.slot.item
        let title = Self.title(activity.title.text(in: language), fallback: activity.id)
        var html = "<section id=\"\(MarkupEscaping.attribute(item.anchor))\">\n"
        html += "<h3>\(MarkupEscaping.text("\(item.slot.start)–\(item.slot.end) · \(title)"))</h3>\n"
        var facts = [activity.kind.rawValue]
        if let minutes = activity.minutes { facts.append(ISODuration(minutes: minutes).humanReadable) }
        if let grouping = activity.grouping { facts.append(grouping) }
        if !item.isForParticipants {
            facts.append("not shown to participants (for \((activity.audience ?? .all).rawValue)s)")
        }
        html += "<p class=\"when\">\(MarkupEscaping.text(facts.joined(separator: " · ")))</p>\n"
        if let purpose = activity.purpose { html += "<h4>Purpose</h4>\n" + richText(purpose) }
        if !activity.steps.isEmpty {
            html += "<h4>Steps</h4>\n<ol>\n"
            for step in activity.steps {
                let minutes = step.duration.flatMap { ISODuration($0) }.map { " (\($0.humanReadable))" } ?? ""
                html += "<li>\(MarkupEscaping.text(step.text.text(in: language) + minutes))</li>\n"
            }
            html += "</ol>\n"
        }
        if let instructions = activity.participantInstructions {
            html += "<h4>Participant instructions</h4>\n" + richText(instructions)
        }
        if let notes = activity.facilitatorNotes { html += "<h4>Facilitator notes</h4>\n" + richText(notes) }
        if !activity.debrief.isEmpty {
            html += "<h4>Debrief</h4>\n<ul>\n"
            for question in activity.debrief {
                html += "<li>\(MarkupEscaping.text(question.text(in: language)))</li>\n"
            }
            html += "</ul>\n"
        }
        for variant in activity.variants {
            html += "<h4>\(MarkupEscaping.text("Variant: \(variant.mode)"))</h4>\n" + richText(variant.text)
        }
        if let note = activity.sensitivityNote { html += "<h4>Sensitivity note</h4>\n" + richText(note) }
        let cases = activity.cases.compactMap { id in curriculum.allCaseStudies.first { $0.id == id } }
        for study in cases {
            html += "<h4>\(MarkupEscaping.text("Case study: \(study.title.text(in: language))"))</h4>\n"
            if let warning = study.contentWarning {
                html += "<p><strong>Content warning.</strong></p>\n" + richText(warning)
            }
            if let notes = study.facilitatorNotes { html += richText(notes) }
        }
        if !item.resources.isEmpty {
            html += "<h4>Resources</h4>\n<ul>\n"
            for resource in item.resources {
                let audience =
                    resource.visibility.isVisibleToParticipants ? "" : " (\(resource.visibility.rawValue)s only)"
                html += "<li>\(resourceLink(resource, from: .guide))\(MarkupEscaping.text(audience))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    // MARK: - Pieces

    private enum Origin { case participantPage, guide }

    /// A resource as a link (or as plain text when there is nothing to link to), relative to the page.
    private func resourceLink(_ resource: Resource, from origin: Origin) -> String {
        let title = MarkupEscaping.text(Self.title(resource.title.text(in: language), fallback: resource.id))
        let kind = MarkupEscaping.text(" (\(resource.kind))")
        switch state.packed[resource.id] ?? .unavailable {
        case .participantFile(let path, _):
            return "<a href=\"../\(MarkupEscaping.attribute(path))\">\(title)</a>\(kind)"
        case .instructorFile(let path):
            // Never reached from a participant page: those list participant-visible resources only.
            guard origin == .guide, path.hasPrefix("instructor/") else { return title + kind }
            return
                "<a href=\"\(MarkupEscaping.attribute(String(path.dropFirst("instructor/".count))))\">\(title)</a>\(kind)"
        case .external(let url):
            return "<a href=\"\(MarkupEscaping.attribute(url))\">\(title)</a>\(kind)"
        case .unavailable:
            return title + kind + MarkupEscaping.text(" (not included)")
        }
    }

    /// Day, date, clock times and duration of an item.
    private func when(_ item: PlannedItem) -> String {
        var parts = [dayHeading(state.timetable.days[item.dayIndex], withTitle: false)]
        parts.append("\(item.slot.start)–\(item.slot.end)")
        if let minutes = item.slot.item.minutes { parts.append(ISODuration(minutes: minutes).humanReadable) }
        if let zone = state.timetable.timezone { parts.append(zone) }
        return parts.joined(separator: " · ")
    }

    /// `Day 1 (2027-03-10): Title`.
    func dayHeading(_ day: Timetable.DaySchedule, withTitle: Bool = true) -> String {
        var text = "Day \(day.day.number)"
        if let date = day.date { text += " (\(date))" }
        if withTitle, let title = day.day.title?.text(in: language), !title.isEmpty { text += ": \(title)" }
        return text
    }

    /// Rich text as HTML blocks, in the chosen language.
    func richText(_ text: RichText) -> String {
        text.blocks(in: language).map { block in
            switch block.kind {
            case .paragraph: "<p>\(inline(block.inlines))</p>\n"
            case .quote: "<blockquote><p>\(inline(block.inlines))</p></blockquote>\n"
            case .bullets: "<ul>\n" + block.items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .numbers: "<ol>\n" + block.items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
            }
        }.joined()
    }

    private func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            let inner = item.text.map(MarkupEscaping.text) ?? inline(item.children ?? [])
            switch item.kind {
            case .text: return inner
            case .emphasis: return "<em>\(inner)</em>"
            case .strong: return "<strong>\(inner)</strong>"
            case .term: return "<dfn>\(inner)</dfn>"
            case .link:
                // Only web links: a relative link would point at nothing inside the cartridge.
                guard let href = item.href, Self.isSafeLink(href) else { return inner }
                return "<a href=\"\(MarkupEscaping.attribute(href))\">\(inner)</a>"
            }
        }.joined()
    }

    /// Whether a link may be written into a page: `http:`, `https:` or `mailto:` only.
    static func isSafeLink(_ href: String) -> Bool {
        let lower = href.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:"))
            && !href.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }

    /// `14 days before`, `2 h before`; the text as written when it is not a valid duration.
    static func leadTime(_ text: String) -> String {
        guard let duration = ISODuration(text) else { return text }
        let days = duration.minutes / (24 * 60)
        if duration.minutes > 0, duration.minutes % (24 * 60) == 0 {
            return "\(days) day\(days == 1 ? "" : "s") before"
        }
        return "\(duration.humanReadable) before"
    }

    /// A title, or the fallback when the title is blank.
    static func title(_ text: String, fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? fallback : text
    }

    private func document(title: String, body: String) -> String {
        let lang = MarkupEscaping.attribute(language ?? curriculum.language)
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(lang)" xml:lang="\(lang)">
            <head>
            <meta charset="utf-8"/>
            <title>\(MarkupEscaping.text(title))</title>
            <style>
            body { font-family: sans-serif; line-height: 1.5; max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
            .when, .context { color: #555; }
            .notice { border-left: 4px solid #b00; padding-left: 0.75em; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
