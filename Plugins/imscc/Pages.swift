import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// The HTML pages of a cartridge: "About this session", a timetable per day, one page per participant agenda item,
/// and the facilitator guide.
///
/// Pages are body-only HTML fragments, as platforms store a page's content inside their own page (which shows the
/// title already): no document wrapper, no style sheet, no `<h1>`. What a participant page may show is asked of the
/// export kit's ``ParticipantView``, its words come from the kit's string catalogue, and rich text goes through the
/// kit's one renderer and link policy, as in the HTML participant pack. Participant pages never link into
/// `instructor/`. Links to handouts take the form each platform rewrites to where it stored the file (see
/// ``fileLink(_:)``).
struct Pages {
    let builder: CartridgeBuilder
    let state: BuildState

    private var language: String? { builder.language }
    private var curriculum: Curriculum { builder.curriculum }
    private var session: Session { builder.session }
    private var text: StringCatalogue { builder.text }
    private var renderer: RichTextHTML { RichTextHTML(language: language, sourceLanguage: curriculum.language) }

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
        var body = richText(ParticipantView.text(session.summary, as: .sessionSummary))
        let objectives = session.objectiveRefs.compactMap { id in curriculum.allObjectives.first { $0.id == id } }
        if !objectives.isEmpty {
            body += heading2(text["objectives"]) + "<ul>\n"
            for objective in objectives {
                body += "<li>\(escape(objective.text.text(in: language)))</li>\n"
            }
            body += "</ul>\n"
        }
        body += heading2(text["when"]) + "<ul>\n"
        for day in state.timetable.days {
            body += "<li>\(escape("\(dayHeading(day)) · \(day.start)–\(day.end)"))</li>\n"
        }
        body += "</ul>\n"
        if let venue = builder.delivery?.venueName?.text(in: language), !venue.isEmpty {
            body += heading2(text["venue"]) + "<p>\(escape(venue))</p>\n"
        }
        return Self.fragment(body, language: pageLanguage)
    }

    /// A day's timetable: every participant item with its times, breaks and meals included.
    func timetablePage(dayIndex: Int) -> String {
        let day = state.timetable.days[dayIndex]
        var body = "<p class=\"when\">\(escape(dayHeading(day)))</p>\n<table>\n"
        for item in state.items where item.dayIndex == dayIndex && item.isForParticipants {
            let title = Self.title(item.slot.item.title.text(in: language), fallback: item.slot.item.id)
            body +=
                "<tr><td>\(escape("\(item.slot.start)–\(item.slot.end)"))</td><td>\(escape(title))</td></tr>\n"
        }
        body += "</table>\n"
        return Self.fragment(body, language: pageLanguage)
    }

    // MARK: - Participant pages

    /// The page of one participant agenda item: only what the participant view lets participants read.
    func itemPage(_ item: PlannedItem) -> String {
        let activity = item.slot.item
        var body = "<p class=\"when\">\(escape(when(item)))</p>\n"
        if let purpose = ParticipantView.text(activity.purpose, as: .purpose) {
            body += heading2(text["purpose"]) + richText(purpose)
        }
        if let instructions = ParticipantView.text(activity.participantInstructions, as: .participantInstructions) {
            body += heading2(text["activityInstructions"]) + richText(instructions)
        }
        let handouts = item.resources.filter { state.handedOut.contains($0.id) }
        if !handouts.isEmpty {
            body += heading2(text["cartridge.handoutsAndLinks"]) + "<ul>\n"
            for resource in handouts {
                body += "<li>\(resourceLink(resource, from: .participantPage))</li>\n"
            }
            body += "</ul>\n"
        }
        return Self.fragment(body, language: pageLanguage)
    }

    // MARK: - Facilitator guide

    /// The facilitator guide: every item of the session with its facilitator material.
    func facilitatorGuide() -> String {
        let sessionTitle = session.title.text(in: language)
        var body = "<p class=\"notice\">\(escape(text["cartridge.guideNotice"]))</p>\n"
        body += "<p class=\"context\">\(escape("\(curriculum.title.text(in: language)) · \(sessionTitle)"))</p>\n"
        if !session.preparation.isEmpty || !session.materials.isEmpty {
            body += heading2(text["cartridge.beforeTheSession"])
            if !session.preparation.isEmpty {
                body += "<h3>\(escape(text["preparation"]))</h3>\n<ul>\n"
                for task in session.preparation {
                    var facts: [String] = []
                    if let lead = task.leadTime { facts.append(text.leadTime(lead) ?? lead) }
                    if let owner = task.owner { facts.append(text.role(owner)) }
                    let suffix = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
                    body += "<li>\(escape(task.text.text(in: language) + suffix))</li>\n"
                }
                body += "</ul>\n"
            }
            if !session.materials.isEmpty {
                body += "<h3>\(escape(text["materialsList"]))</h3>\n<ul>\n"
                for material in session.materials {
                    var line = material.text.text(in: language)
                    if let quantity = material.quantity {
                        line = "\(quantity) × \(line)" + (material.per.map { " " + text.term("per", $0) } ?? "")
                    }
                    body += "<li>\(escape(line))</li>\n"
                }
                body += "</ul>\n"
            }
        }
        for (dayIndex, day) in state.timetable.days.enumerated() {
            body += heading2(dayHeading(day))
            let items = state.items.filter { $0.dayIndex == dayIndex }
            if items.isEmpty { body += "<p>\(escape(text["cartridge.noAgenda"]))</p>\n" }
            for item in items { body += guideSection(item) }
        }
        body += answerKeys()
        body += inlinedFacilitatorPages()
        return Self.fragment(body, language: pageLanguage)
    }

    /// Whether the guide carries a facilitator-only page in itself instead of linking to it: Moodle imports the
    /// guide as a page and fails to carry its links to other HTML files ("error migrating file"), and strips the
    /// `id` an anchor would need, so for Moodle such a page (a Markdown handout rendered) is appended to the guide,
    /// under its title, and named where the guide lists it, as participant pages name their HTML handouts.
    private func inlinesInGuide(_ path: String) -> Bool {
        builder.target == .moodle && path.hasPrefix("instructor/") && path.lowercased().hasSuffix(".html")
    }

    /// The facilitator-only pages appended to the guide (Moodle only), each under its title, in the order they
    /// were packed.
    private func inlinedFacilitatorPages() -> String {
        var html = ""
        let titles = Dictionary(
            state.packed.compactMap { id, packed -> (String, Resource)? in
                guard case .instructorFile(let path) = packed, let resource = state.resourcesByID[id] else {
                    return nil
                }
                return (path, resource)
            }, uniquingKeysWith: { first, _ in first })
        for path in state.instructorFiles where inlinesInGuide(path) {
            guard let file = state.packedFiles.first(where: { $0.path == path }) else { continue }
            let title = titles[path].map { Self.title($0.title.text(in: language), fallback: $0.id) } ?? path
            html += heading2(title)
            html += String(decoding: file.bytes, as: UTF8.self)
        }
        return html
    }

    private func guideSection(_ item: PlannedItem) -> String {
        let activity = item.slot.item
        let title = Self.title(activity.title.text(in: language), fallback: activity.id)
        var html = "<section id=\"\(escape(item.anchor))\">\n"
        html += "<h3>\(escape("\(item.slot.start)–\(item.slot.end) · \(title)"))</h3>\n"
        var facts = [text.term("kind", activity.kind.rawValue)]
        if let minutes = activity.minutes { facts.append(ISODuration(minutes: minutes).humanReadable) }
        if let grouping = activity.grouping { facts.append(text.term("grouping", grouping)) }
        if !item.isForParticipants { facts.append(text["cartridge.notShownToParticipants"]) }
        html += "<p class=\"when\">\(escape(facts.joined(separator: " · ")))</p>\n"
        if let purpose = activity.purpose { html += heading4(text["purpose"]) + richText(purpose) }
        if !activity.steps.isEmpty {
            html += heading4(text["steps"]) + "<ol>\n"
            for step in activity.steps {
                let minutes = step.duration.flatMap { ISODuration($0) }.map { " (\($0.humanReadable))" } ?? ""
                html += "<li>\(escape(step.text.text(in: language) + minutes))</li>\n"
            }
            html += "</ol>\n"
        }
        if let instructions = activity.participantInstructions {
            html += heading4(text["participantInstructions"]) + richText(instructions)
        }
        if let notes = activity.facilitatorNotes { html += heading4(text["facilitatorNotes"]) + richText(notes) }
        if !activity.debrief.isEmpty {
            html += heading4(text["debrief"]) + "<ul>\n"
            for question in activity.debrief {
                html += "<li>\(escape(question.text(in: language)))</li>\n"
            }
            html += "</ul>\n"
        }
        for variant in activity.variants {
            html +=
                heading4(text["cartridge.variant"] + text["colon"] + text.term("mode", variant.mode))
                + richText(variant.text)
        }
        if let note = activity.sensitivityNote { html += heading4(text["sensitivityNote"]) + richText(note) }
        let cases = activity.cases.compactMap { id in curriculum.allCaseStudies.first { $0.id == id } }
        for study in cases {
            html += heading4(text["cartridge.caseStudy"] + text["colon"] + study.title.text(in: language))
            if let warning = study.contentWarning {
                html += "<p><strong>\(escape(text["contentWarning"]))</strong></p>\n" + richText(warning)
            }
            if let notes = study.facilitatorNotes { html += richText(notes) }
        }
        if !item.resources.isEmpty {
            html += heading4(text["resources"]) + "<ul>\n"
            for resource in item.resources {
                let audience =
                    state.handedOut.contains(resource.id) ? "" : " (\(text["cartridge.notShownToParticipants"]))"
                html += "<li>\(resourceLink(resource, from: .guide))\(escape(audience))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// The answer keys of the cartridge's quizzes: right options, accepted answers and explanations.
    private func answerKeys() -> String {
        var html = ""
        for assessment in state.assessments {
            let keyed = assessment.questions.filter { $0.key != nil }
            guard !keyed.isEmpty else { continue }
            html += "<h3>\(escape(text["cartridge.answerKey"] + text["colon"] + assessment.title))</h3>\n<ol>\n"
            for question in keyed {
                guard let key = question.key else { continue }
                var answers = key.correctOptions.compactMap { index in
                    question.options.indices.contains(index) ? question.options[index].text(in: language) : nil
                }
                answers += key.acceptedAnswers.map { $0.text(in: language) }
                html += "<li><p>\(escape(question.text.text(in: language)))</p>\n"
                if !answers.isEmpty {
                    html += "<p><strong>\(escape(answers.joined(separator: " / ")))</strong></p>\n"
                }
                html += richText(key.explanation)
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        return html.isEmpty ? "" : heading2(text["cartridge.answerKey"]) + html
    }

    // MARK: - Pieces

    private enum Origin { case participantPage, guide }

    /// A resource as a link (or as plain text when there is nothing to link to), relative to the page, with its
    /// kind in brackets when the catalogue names it.
    private func resourceLink(_ resource: Resource, from origin: Origin) -> String {
        let title = escape(Self.title(resource.title.text(in: language), fallback: resource.id))
        let kind = text.strings["resourceKind.\(resource.kind)"].map { escape(" (\($0))") } ?? ""
        switch state.packed[resource.id] ?? .unavailable {
        case .participantFile(let path, _):
            // Moodle's importer fails to carry a page's links to other HTML files ("error migrating file"); the
            // handout is an activity of the same section anyway, so the page names it without a link.
            if builder.target == .moodle, path.lowercased().hasSuffix(".html") { return title + kind }
            return "<a href=\"\(escape(fileLink(path)))\">\(title)</a>\(kind)"
        case .instructorFile(let path):
            // Never reached from a participant page: those list handed-out resources only.
            guard origin == .guide, path.hasPrefix("instructor/") else { return title + kind }
            if inlinesInGuide(path) { return title + kind }
            return "<a href=\"\(escape(String(path.dropFirst("instructor/".count))))\">\(title)</a>\(kind)"
        case .external(let url, _):
            return "<a href=\"\(escape(url))\">\(title)</a>\(kind)"
        case .unavailable:
            return title + kind + escape(" (\(text["cartridge.notIncluded"]))")
        }
    }

    /// Day, date, clock times and duration of an item.
    private func when(_ item: PlannedItem) -> String {
        var parts = [dayHeading(state.timetable.days[item.dayIndex], withTitle: false)]
        parts.append("\(item.slot.start)–\(item.slot.end)")
        if let minutes = item.slot.item.minutes { parts.append(ISODuration(minutes: minutes).humanReadable) }
        if let zone = state.timetable.timezone { parts.append(text.timeZone(zone)) }
        return parts.joined(separator: " · ")
    }

    /// `Day 1 (2027-03-10): Title`, in the language rendered.
    func dayHeading(_ day: Timetable.DaySchedule, withTitle: Bool = true) -> String {
        var heading = dayName(day.day.number)
        if let date = day.date { heading += " (\(date))" }
        if withTitle, let title = day.day.title?.text(in: language), !title.isEmpty { heading += text["colon"] + title }
        return heading
    }

    /// `Day 3`, `Jour 3`.
    func dayName(_ number: Int) -> String { "\(text["day"]) \(number)" }

    /// Rich text as HTML blocks in the chosen language, through the kit's renderer; empty for no text.
    func richText(_ value: RichText?) -> String { renderer.html(value) ?? "" }

    /// The language the pages are written in.
    private var pageLanguage: String { language ?? curriculum.language }

    private func escape(_ value: String) -> String { HTMLEscaping.escape(value) }
    private func heading2(_ value: String) -> String { "<h2>\(escape(value))</h2>\n" }
    private func heading4(_ value: String) -> String { "<h4>\(escape(value))</h4>\n" }

    /// A title, or the fallback when the title is blank.
    static func title(_ text: String, fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? fallback : text
    }

    /// A body-only HTML fragment in a language: what a platform puts inside its own page.
    static func fragment(_ body: String, language: String) -> String {
        "<div lang=\"\(HTMLEscaping.escape(language))\">\n\(body)</div>\n"
    }
}
