import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// Turns the requested sessions of a curriculum, put on dates by a delivery, into one iCalendar object.
struct CalendarBuilder {
    enum Granularity: String {
        case item, day
    }

    let curriculum: Curriculum
    let delivery: Delivery?
    let granularity: Granularity
    /// The language asked for in `options.language`, if any.
    let language: String?

    /// One event before it is written.
    private struct Event {
        var uid: String
        var stamp: String
        var date: String
        var start: ClockTime
        var end: ClockTime
        var summary: (text: String, language: String)
        var description: (text: String, language: String)?
        var categories: [String]
        var isTransparent: Bool
    }

    /// The calendar text, or nothing when no session could be put on dates; plus what went wrong.
    func build(sessions: [Session]) -> (text: String?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var events: [Event] = []

        let zone: TimeZone?
        if let delivery {
            zone = TimeZone(identifier: delivery.timezone)
            if zone == nil {
                diagnostics.append(
                    Diagnostic(
                        severity: .error, code: "CAL002",
                        message:
                            "delivery \(delivery.id) has time zone \"\(delivery.timezone)\", which is not a known IANA time zone; no calendar was made",
                        hint: "use an IANA time zone name such as Europe/Brussels", location: delivery.location))
                return (nil, diagnostics)
            }
        } else {
            zone = nil
        }

        for session in sessions {
            guard let delivery, let run = delivery.run(of: session.id) else {
                diagnostics.append(
                    Diagnostic(
                        severity: .warning, code: "CAL001",
                        message: "session \(session.id) has no delivery; no calendar was made",
                        hint: "pass --delivery FILE or add a <deliveries> entry", location: session.location))
                continue
            }
            let timetable = Timetable(session: session, delivery: delivery)
            if let undated = timetable.days.first(where: { $0.date == nil }) {
                diagnostics.append(
                    Diagnostic(
                        severity: .error, code: "CAL003",
                        message:
                            "day \(undated.day.number) of session \(session.id) has no valid date in delivery \(delivery.id) (run date \"\(run.date)\"); no events were made for the session",
                        hint: "give the <session-run> and its <day> overrides dates written YYYY-MM-DD",
                        location: run.location ?? delivery.location))
                continue
            }
            events += self.events(of: timetable, session: session, delivery: delivery)
        }

        guard let zone, let delivery, !events.isEmpty else { return (nil, diagnostics) }
        return (render(events, zone: zone, delivery: delivery, sessions: sessions), diagnostics)
    }

    // MARK: - Events

    private func events(of timetable: Timetable, session: Session, delivery: Delivery) -> [Event] {
        let dates = timetable.days.compactMap(\.date)
        let stamp = (dates.min() ?? "").replacingOccurrences(of: "-", with: "") + "T000000Z"
        let prefix = [curriculum.id, delivery.id, session.id].joined(separator: ".")
        var events: [Event] = []
        var usedUIDs: Set<String> = []
        func unique(_ base: String) -> String {
            var uid = "\(base)@curriculumkit"
            var count = 1
            while usedUIDs.contains(uid) {
                count += 1
                uid = "\(base)-\(count)@curriculumkit"
            }
            usedUIDs.insert(uid)
            return uid
        }

        for day in timetable.days {
            guard let date = day.date else { continue }
            // Behind-the-scenes items (for="facilitator" or "organiser") are not on a participant's calendar.
            let slots = day.slots.filter { ParticipantView.sees($0.item) }
            guard let first = slots.first, let last = slots.last else { continue }
            switch granularity {
            case .item:
                for slot in slots {
                    let item = slot.item
                    events.append(
                        Event(
                            uid: unique("\(prefix).\(item.id)"), stamp: stamp, date: date, start: slot.start,
                            end: slot.end, summary: label(item.title), description: description(of: item),
                            categories: [item.kind.rawValue], isTransparent: item.kind == .break || item.kind == .meal))
                }
            case .day:
                let sessionTitle = label(session.title)
                var summary = "\(sessionTitle.text) — \(dayWord) \(day.day.number)"
                var summaryLanguage = sessionTitle.language
                if let title = day.day.title {
                    let dayTitle = label(title)
                    summary += ": \(dayTitle.text)"
                    if dayTitle.language != summaryLanguage { summaryLanguage = requestedOrSource }
                }
                let agenda = slots.map { "\($0.start)–\($0.end) \(label($0.item.title).text)" }
                    .joined(separator: "\n")
                events.append(
                    Event(
                        uid: unique("\(prefix).day-\(day.day.number)"), stamp: stamp, date: date, start: first.start,
                        end: last.end, summary: (summary, summaryLanguage),
                        description: (agenda, requestedOrSource), categories: [], isTransparent: false))
            }
        }
        return events
    }

    /// "Day" in the requested language, for day events' titles; English otherwise.
    private var dayWord: String {
        switch (language ?? curriculum.language).split(separator: "-").first.map(String.init) {
        case "fr": "jour"
        case "de": "Tag"
        case "nl": "dag"
        case "es": "día"
        case "it": "giorno"
        case "pt": "dia"
        default: "day"
        }
    }

    private var requestedOrSource: String { language ?? curriculum.language }

    /// A label in the requested language when it has that translation, with the language actually used.
    private func label(_ label: Label) -> (text: String, language: String) {
        if let language, label.hasTranslation(language) { return (label.text(in: language), language) }
        return (label.text, curriculum.language)
    }

    /// The participant-facing text of an item: its purpose and its participant instructions, when participants
    /// may see them. Facilitator notes, steps, debriefs, variants and sensitivity notes are never used.
    private func description(of item: Activity) -> (text: String, language: String)? {
        var parts: [String] = []
        var languages: Set<String> = []
        if let purpose = ParticipantView.text(item.purpose, as: .purpose) {
            let (text, used) = plain(purpose)
            if !text.isEmpty {
                parts.append(text)
                languages.insert(used)
            }
        }
        if let instructions = ParticipantView.text(item.participantInstructions, as: .participantInstructions) {
            let (text, used) = plain(instructions)
            if !text.isEmpty {
                parts.append(text)
                languages.insert(used)
            }
        }
        guard !parts.isEmpty else { return nil }
        let used = languages.count == 1 ? languages.first ?? requestedOrSource : requestedOrSource
        return (parts.joined(separator: "\n\n"), used)
    }

    /// Rich text as plain text: paragraphs separated by blank lines, list items on their own lines, links followed
    /// by their address.
    private func plain(_ text: RichText) -> (String, String) {
        let useTranslation = language.map(text.hasTranslation) ?? false
        let blocks = useTranslation ? text.blocks(in: language) : text.blocks
        let rendered = blocks.map { block -> String in
            switch block.kind {
            case .paragraph, .quote: inline(block.inlines)
            case .bullets: block.items.map { "- " + inline($0) }.joined(separator: "\n")
            case .numbers:
                block.items.enumerated().map { "\($0.offset + 1). " + inline($0.element) }
                    .joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
        return (rendered, useTranslation ? (language ?? curriculum.language) : curriculum.language)
    }

    private func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            let inner = item.text ?? inline(item.children ?? [])
            if item.kind == .link, let href = LinkPolicy.safeExternalHref(item.href), href != inner {
                return "\(inner) (\(href))"
            }
            return inner
        }.joined()
    }

    // MARK: - Writing

    private func render(_ events: [Event], zone: TimeZone, delivery: Delivery, sessions: [Session]) -> String {
        let years = events.flatMap { event in
            [event.date, CalendarDate.adding(days: event.end.minutes / 1440, to: event.date) ?? event.date]
        }.compactMap { Int($0.prefix(4)) }
        let timezone = VTimeZone(zone: zone, firstYear: years.min() ?? 1970, lastYear: years.max() ?? 1970)

        var document = ICSDocument()
        document.begin("VCALENDAR")
        document.raw("VERSION", "2.0")
        document.text("PRODID", "-//CurriculumKit//curriculum 1.0//EN")
        document.raw("CALSCALE", "GREGORIAN")
        document.raw("METHOD", "PUBLISH")
        let name =
            sessions.count == 1 ? label(sessions[0].title).text : label(delivery.title ?? curriculum.title).text
        document.text("X-WR-CALNAME", name)
        document.text("X-WR-TIMEZONE", zone.identifier)
        timezone.write(to: &document)

        let tzid = [("TZID", zone.identifier)]
        let location = [delivery.venueName, delivery.venueAddress].compactMap { $0.map { label($0).text } }.filter {
            !$0.isEmpty
        }
        for event in events {
            document.begin("VEVENT")
            document.text("UID", event.uid)
            document.raw("DTSTAMP", event.stamp)
            if let revision = curriculum.revision, revision >= 0 { document.raw("SEQUENCE", "\(revision)") }
            document.raw("DTSTART", dateTime(event.date, event.start), parameters: tzid)
            // A zero-length item (no valid duration) gets no DTEND: the event ends when it starts (§3.6.1).
            if event.end > event.start { document.raw("DTEND", dateTime(event.date, event.end), parameters: tzid) }
            document.text("SUMMARY", event.summary.text, parameters: languageParameter(event.summary.language))
            if let description = event.description {
                document.text("DESCRIPTION", description.text, parameters: languageParameter(description.language))
            }
            if !location.isEmpty { document.text("LOCATION", location.joined(separator: ", ")) }
            if !event.categories.isEmpty {
                document.raw("CATEGORIES", event.categories.map(ICSText.escape).joined(separator: ","))
            }
            document.raw("TRANSP", event.isTransparent ? "TRANSPARENT" : "OPAQUE")
            document.end("VEVENT")
        }
        document.end("VCALENDAR")
        return document.rendered
    }

    /// `LANGUAGE=` is only written when a language was asked for, so the default output stays plain.
    private func languageParameter(_ used: String) -> [(String, String)] {
        language == nil ? [] : [("LANGUAGE", used)]
    }

    /// A local DATE-TIME, `YYYYMMDDTHHMMSS`; clock times past midnight move to the following days.
    private func dateTime(_ date: String, _ time: ClockTime) -> String {
        let day = CalendarDate.adding(days: time.minutes / 1440, to: date) ?? date
        let minutes = time.minutes % 1440
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return day.replacingOccurrences(of: "-", with: "") + "T" + two(minutes / 60) + two(minutes % 60) + "00"
    }
}
