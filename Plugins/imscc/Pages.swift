import CurriculumModel
import CurriculumPluginKit
import Foundation

/// The HTML pages of a cartridge: "About this session", a timetable per day, one page per participant agenda item,
/// and the facilitator guide.
///
/// Pages are body-only HTML fragments, as platforms store a page's content inside their own page (which shows the
/// title already): no document wrapper, no style sheet, no `<h1>`. Participant pages carry participant-visible
/// content only and never link into `instructor/`. Links to handouts take the form each platform rewrites to where
/// it stored the file (see ``fileLink(_:)``).
struct Pages {
    let builder: CartridgeBuilder
    let state: BuildState

    private var language: String? { builder.language }
    private var curriculum: Curriculum { builder.curriculum }
    private var session: Session { builder.session }
    private var strings: CartridgeStrings { builder.strings }

    /// The token Canvas and Open edX's converter replace with where they stored the cartridge's `web_resources/`.
    static let fileBase = "$IMS-CC-FILEBASE$/"
    static let webResources = "web_resources/"

    /// A link from an item page (under `items/`) to a participant file under `web_resources/`. Moodle's importer
    /// knows no `$IMS-CC-FILEBASE$`: it resolves relative links from the page's folder and keeps the files they
    /// reach (PDFs and images; not HTML pages, which Moodle links only as activities). Canvas and cc2olx rewrite
    /// `$IMS-CC-FILEBASE$/` (which stands for `web_resources/`) and nothing else.
    func fileLink(_ path: String) -> String {
        guard builder.target != .moodle, path.hasPrefix(Self.webResources) else { return "../" + path }
        return Self.fileBase + path.dropFirst(Self.webResources.count)
    }

    // MARK: - About and timetables

    /// The "About this session" page: what the session is for, when and where, and its days.
    func aboutPage() -> String {
        var body = ""
        if let summary = session.summary, summary.isVisibleToParticipants(byDefault: .all) {
            body += richText(summary)
        }
        let objectives = session.objectiveRefs.compactMap { id in curriculum.allObjectives.first { $0.id == id } }
        if !objectives.isEmpty {
            body += "<h2>\(MarkupEscaping.text(strings.objectives))</h2>\n<ul>\n"
            for objective in objectives {
                body += "<li>\(MarkupEscaping.text(objective.text.text(in: language)))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>\(MarkupEscaping.text(strings.when))</h2>\n<ul>\n"
        for day in state.timetable.days {
            let times = "\(day.start)–\(day.end)"
            body += "<li>\(MarkupEscaping.text("\(dayHeading(day)) · \(times)"))</li>\n"
        }
        body += "</ul>\n"
        if let venue = builder.delivery?.venueName?.text(in: language), !venue.isEmpty {
            body += "<h2>\(MarkupEscaping.text(strings.venue))</h2>\n<p>\(MarkupEscaping.text(venue))</p>\n"
        }
        return Self.fragment(body, language: language ?? curriculum.language)
    }

    /// A day's timetable: every participant item with its times, breaks and meals included.
    func timetablePage(dayIndex: Int) -> String {
        let day = state.timetable.days[dayIndex]
        var body = "<p class=\"when\">\(MarkupEscaping.text(dayHeading(day)))</p>\n<table>\n"
        for item in state.items where item.dayIndex == dayIndex && item.isForParticipants {
            let title = Self.title(item.slot.item.title.text(in: language), fallback: item.slot.item.id)
            body +=
                "<tr><td>\(MarkupEscaping.text("\(item.slot.start)–\(item.slot.end)"))</td><td>\(MarkupEscaping.text(title))</td></tr>\n"
        }
        body += "</table>\n"
        return Self.fragment(body, language: language ?? curriculum.language)
    }

    // MARK: - Participant pages

    /// The page of one participant agenda item.
    func itemPage(_ item: PlannedItem) -> String {
        let activity = item.slot.item
        var body = "<p class=\"when\">\(MarkupEscaping.text(when(item)))</p>\n"
        if let purpose = activity.purpose, purpose.isVisibleToParticipants(byDefault: .all) {
            body += "<h2>\(MarkupEscaping.text(strings.purpose))</h2>\n" + richText(purpose)
        }
        if let instructions = activity.participantInstructions,
            instructions.isVisibleToParticipants(byDefault: .participant)
        {
            body += "<h2>\(MarkupEscaping.text(strings.whatToDo))</h2>\n" + richText(instructions)
        }
        let handouts = item.resources.filter { $0.visibility.isVisibleToParticipants }
        if !handouts.isEmpty {
            body += "<h2>\(MarkupEscaping.text(strings.handoutsAndLinks))</h2>\n<ul>\n"
            for resource in handouts {
                body += "<li>\(resourceLink(resource, from: .participantPage))</li>\n"
            }
            body += "</ul>\n"
        }
        return Self.fragment(body, language: language ?? curriculum.language)
    }

    // MARK: - Facilitator guide

    /// The facilitator guide: every item of the session with its facilitator material.
    func facilitatorGuide() -> String {
        let sessionTitle = session.title.text(in: language)
        var body = "<p class=\"notice\">\(MarkupEscaping.text(strings.guideNotice))</p>\n"
        body +=
            "<p class=\"context\">\(MarkupEscaping.text("\(curriculum.title.text(in: language)) · \(sessionTitle)"))</p>\n"
        if !session.preparation.isEmpty || !session.materials.isEmpty {
            body += "<h2>\(MarkupEscaping.text(strings.beforeTheSession))</h2>\n"
            if !session.preparation.isEmpty {
                body += "<h3>\(MarkupEscaping.text(strings.preparation))</h3>\n<ul>\n"
                for task in session.preparation {
                    var facts: [String] = []
                    if let lead = task.leadTime { facts.append(Self.leadTime(lead, strings: strings)) }
                    if let owner = task.owner { facts.append(owner) }
                    let suffix = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
                    body += "<li>\(MarkupEscaping.text(task.text.text(in: language) + suffix))</li>\n"
                }
                body += "</ul>\n"
            }
            if !session.materials.isEmpty {
                body += "<h3>\(MarkupEscaping.text(strings.materials))</h3>\n<ul>\n"
                for material in session.materials {
                    var text = material.text.text(in: language)
                    if let quantity = material.quantity {
                        text = "\(quantity) × \(text)" + (material.per.map { " \(strings.per) \($0)" } ?? "")
                    }
                    body += "<li>\(MarkupEscaping.text(text))</li>\n"
                }
                body += "</ul>\n"
            }
        }
        for (dayIndex, day) in state.timetable.days.enumerated() {
            body += "<h2>\(MarkupEscaping.text(dayHeading(day)))</h2>\n"
            let items = state.items.filter { $0.dayIndex == dayIndex }
            if items.isEmpty { body += "<p>\(MarkupEscaping.text(strings.noAgenda))</p>\n" }
            for item in items { body += guideSection(item) }
        }
        body += answerKeys()
        return Self.fragment(body, language: language ?? curriculum.language)
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
            facts.append(strings.notShownToParticipants)
        }
        html += "<p class=\"when\">\(MarkupEscaping.text(facts.joined(separator: " · ")))</p>\n"
        if let purpose = activity.purpose { html += heading(strings.purpose) + richText(purpose) }
        if !activity.steps.isEmpty {
            html += heading(strings.steps) + "<ol>\n"
            for step in activity.steps {
                let minutes = step.duration.flatMap { ISODuration($0) }.map { " (\($0.humanReadable))" } ?? ""
                html += "<li>\(MarkupEscaping.text(step.text.text(in: language) + minutes))</li>\n"
            }
            html += "</ol>\n"
        }
        if let instructions = activity.participantInstructions {
            html += heading(strings.participantInstructions) + richText(instructions)
        }
        if let notes = activity.facilitatorNotes { html += heading(strings.facilitatorNotes) + richText(notes) }
        if !activity.debrief.isEmpty {
            html += heading(strings.debrief) + "<ul>\n"
            for question in activity.debrief {
                html += "<li>\(MarkupEscaping.text(question.text(in: language)))</li>\n"
            }
            html += "</ul>\n"
        }
        for variant in activity.variants {
            html += heading(strings.variant + strings.colon + variant.mode) + richText(variant.text)
        }
        if let note = activity.sensitivityNote { html += heading(strings.sensitivityNote) + richText(note) }
        let cases = activity.cases.compactMap { id in curriculum.allCaseStudies.first { $0.id == id } }
        for study in cases {
            html += heading(strings.caseStudy + strings.colon + study.title.text(in: language))
            if let warning = study.contentWarning {
                html += "<p><strong>\(MarkupEscaping.text(strings.contentWarning))</strong></p>\n" + richText(warning)
            }
            if let notes = study.facilitatorNotes { html += richText(notes) }
        }
        if !item.resources.isEmpty {
            html += heading(strings.resources) + "<ul>\n"
            for resource in item.resources {
                let audience =
                    resource.visibility.isVisibleToParticipants ? "" : " (\(strings.notShownToParticipants))"
                html += "<li>\(resourceLink(resource, from: .guide))\(MarkupEscaping.text(audience))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func heading(_ text: String) -> String { "<h4>\(MarkupEscaping.text(text))</h4>\n" }

    /// The answer keys of the cartridge's quizzes: right options, accepted answers and explanations.
    private func answerKeys() -> String {
        var html = ""
        for assessment in state.assessments {
            let keyed = assessment.questions.filter { $0.key != nil }
            guard !keyed.isEmpty else { continue }
            html += "<h3>\(MarkupEscaping.text(strings.answerKey + strings.colon + assessment.title))</h3>\n<ol>\n"
            for question in keyed {
                guard let key = question.key else { continue }
                var answers = key.correctOptions.compactMap { index in
                    question.options.indices.contains(index) ? question.options[index].text(in: language) : nil
                }
                answers += key.acceptedAnswers.map { $0.text(in: language) }
                html += "<li><p>\(MarkupEscaping.text(question.text.text(in: language)))</p>\n"
                if !answers.isEmpty {
                    html += "<p><strong>\(MarkupEscaping.text(answers.joined(separator: " / ")))</strong></p>\n"
                }
                if let explanation = key.explanation { html += richText(explanation) }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        return html.isEmpty ? "" : "<h2>\(MarkupEscaping.text(strings.answerKey))</h2>\n" + html
    }

    // MARK: - Pieces

    private enum Origin { case participantPage, guide }

    /// A resource as a link (or as plain text when there is nothing to link to), relative to the page.
    private func resourceLink(_ resource: Resource, from origin: Origin) -> String {
        let title = MarkupEscaping.text(Self.title(resource.title.text(in: language), fallback: resource.id))
        let kind = strings.kindName(resource.kind).map { MarkupEscaping.text(" (\($0))") } ?? ""
        switch state.packed[resource.id] ?? .unavailable {
        case .participantFile(let path, _):
            // Moodle's importer fails to carry a page's links to other HTML files ("error migrating file"); the
            // handout is an activity of the same section anyway, so the page names it without a link.
            if builder.target == .moodle, path.lowercased().hasSuffix(".html") { return title + kind }
            return "<a href=\"\(MarkupEscaping.attribute(fileLink(path)))\">\(title)</a>\(kind)"
        case .instructorFile(let path):
            // Never reached from a participant page: those list participant-visible resources only.
            guard origin == .guide, path.hasPrefix("instructor/") else { return title + kind }
            return
                "<a href=\"\(MarkupEscaping.attribute(String(path.dropFirst("instructor/".count))))\">\(title)</a>\(kind)"
        case .external(let url, _):
            return "<a href=\"\(MarkupEscaping.attribute(url))\">\(title)</a>\(kind)"
        case .unavailable:
            return title + kind + MarkupEscaping.text(" (\(strings.notIncluded))")
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
        var text = strings.dayName(day.day.number)
        if let date = day.date { text += " (\(date))" }
        if withTitle, let title = day.day.title?.text(in: language), !title.isEmpty { text += strings.colon + title }
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
    static func leadTime(_ text: String, strings: CartridgeStrings) -> String {
        guard let duration = ISODuration(text) else { return text }
        let days = duration.minutes / (24 * 60)
        if duration.minutes > 0, duration.minutes % (24 * 60) == 0 {
            return days == 1
                ? strings.oneDayBefore : strings.daysBefore.replacingOccurrences(of: "%d", with: String(days))
        }
        return "\(duration.humanReadable) \(strings.before)"
    }

    /// A title, or the fallback when the title is blank.
    static func title(_ text: String, fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? fallback : text
    }

    /// A body-only HTML fragment in a language: what a platform puts inside its own page.
    static func fragment(_ body: String, language: String) -> String {
        let lang = MarkupEscaping.attribute(language)
        return "<div lang=\"\(lang)\">\n\(body)</div>\n"
    }
}
