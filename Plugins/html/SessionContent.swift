import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// What both pages of one session need: look-ups by ID, the timetable, and where each resource file is copied.
struct SessionContent {
    let curriculum: Curriculum
    let session: Session
    let delivery: Delivery?
    /// The language texts are rendered in; `nil` for the source language.
    let language: String?
    let timetable: Timetable
    let text: UIText

    let objectives: [String: Objective]
    let resources: [String: Resource]
    let caseStudies: [String: CaseStudy]
    let audiences: [String: Audience]
    let glossary: [GlossaryEntry]

    /// Resources the session's items list, in order of first use.
    let usedResources: [Resource]
    /// Where each copied resource file is linked in the pack, by resource ID: the printable page of a Markdown
    /// handout (`handouts/x.html`, `facilitator/y.html`), else the copy itself.
    let copiedPaths: [String: String]
    /// The Markdown handouts to render as printable pages, in order of first use.
    let handoutSources: [HandoutSource]
    /// Local resources whose file does not exist, by resource ID.
    let missingFiles: Set<String>
    /// The copy artifacts, in order of first use.
    let fileArtifacts: [Artifact]
    /// Problems worth reporting to the core (missing files).
    let diagnostics: [Diagnostic]

    /// Numbers for print quantities.
    let participantCount: Int?
    let groupCount: Int?
    let facilitatorCount: Int?
    /// Where the head counts come from, for the notes under them.
    let participantSource: String?
    let facilitatorSource: String?

    init(
        curriculum: Curriculum, session: Session, delivery: Delivery?, language: String?, root: String,
        options: [String: JSONValue], maxResourceBytes: Int = HTMLPlugin.defaultResourceBytes
    ) {
        self.curriculum = curriculum
        self.session = session
        self.delivery = delivery
        self.language = language
        self.timetable = Timetable(session: session, delivery: delivery)
        self.text = UIText(language: language ?? curriculum.language)
        let resources = Self.index(curriculum.allResources, by: \.id)
        let audiences = Self.index(curriculum.audiences, by: \.id)
        self.objectives = Self.index(curriculum.allObjectives, by: \.id)
        self.resources = resources
        self.caseStudies = Self.index(curriculum.allCaseStudies, by: \.id)
        self.audiences = audiences
        glossary = curriculum.glossary

        // Which resources the session uses; the participant view says which of them are handed out.
        var used: [Resource] = []
        var seen: Set<String> = []
        for item in session.allItems {
            for id in item.resources {
                guard let resource = resources[id] else { continue }
                if seen.insert(id).inserted { used.append(resource) }
            }
        }
        usedResources = used
        let handedOut = ParticipantView.handedOutResources(of: session)

        // Copy each local file once per folder; participant handouts and facilitator files are kept apart.
        var paths: [String: String] = [:]
        var missing: Set<String> = []
        var artifacts: [Artifact] = []
        var problems: [Diagnostic] = []
        var byFile: [String: String] = [:]  // "folder|root-relative path" → artifact path
        var pages: [HandoutSource] = []
        var taken: Set<String> = []  // artifact paths, lower-cased
        for resource in used {
            guard let relative = resource.rootRelativePath, !relative.isEmpty,
                PathArithmetic.staysInside(relative)
            else { continue }
            let forParticipants = ParticipantView.sees(resource) && handedOut.contains(resource.id)
            let folder = forParticipants ? "handouts" : "facilitator"
            let key = folder + "|" + relative
            if let existing = byFile[key] {
                paths[resource.id] = existing
                continue
            }
            let absolute = (root as NSString).appendingPathComponent(relative)
            switch ResourceFile(path: absolute, limit: maxResourceBytes) {
            case .copyable:
                break
            case .missing, .notAFile:
                missing.insert(resource.id)
                problems.append(
                    Diagnostic(
                        severity: .warning, code: "HTML001",
                        message:
                            "the file \"\(relative)\" of resource \"\(resource.id)\" was not found or is not a regular file; it is not in the pack",
                        hint: "Check the resource's href.", location: resource.location, source: "html"))
                continue
            case .tooLarge(let size):
                missing.insert(resource.id)
                problems.append(
                    Diagnostic(
                        severity: .error, code: "HTML003",
                        message:
                            "the file \"\(relative)\" of resource \"\(resource.id)\" holds \(size) bytes, more than the limit of \(maxResourceBytes / 1_048_576) MB per resource file (html option \(HTMLPlugin.resourceLimitOption))",
                        hint:
                            "Link large files (videos, recordings) by URL, or raise \(HTMLPlugin.resourceLimitOption) in the html entry of curriculum.json.",
                        location: resource.location, source: "html"))
                continue
            }
            let name = ExportSessions.safeFileName(String(relative.split(separator: "/").last ?? Substring(relative)))
            var path = "\(folder)/\(name)"
            if taken.contains(path.lowercased()) {
                path = "\(folder)/\(ExportSessions.safeFileName(resource.id))-\(name)"
                var counter = 2
                while taken.contains(path.lowercased()) {
                    path = "\(folder)/\(ExportSessions.safeFileName(resource.id))-\(counter)-\(name)"
                    counter += 1
                }
            }
            taken.insert(path.lowercased())
            artifacts.append(Artifact(path: path, mediaType: resource.mediaType, copyOf: relative))
            // A Markdown handout is also rendered as a page to print; links go to the page, the source stays beside.
            if let markdown = Self.markdownSource(of: resource, at: relative, root: root) {
                let page = String(path.dropLast(3)) + ".html"
                if !taken.contains(page.lowercased()) {
                    taken.insert(page.lowercased())
                    pages.append(HandoutSource(path: page, markdown: markdown, title: resource.title))
                    path = page
                }
            }
            byFile[key] = path
            paths[resource.id] = path
        }
        copiedPaths = paths
        handoutSources = pages
        missingFiles = missing
        fileArtifacts = artifacts
        diagnostics = problems

        // Head counts: options first (--participants, curriculum.json), then the delivery, then the session's participant
        // audiences; facilitators from the options or the delivery.
        let sessionAudiences = session.audiences.compactMap { audiences[$0] }
        let sizes = sessionAudiences.filter { $0.role == "participant" }.compactMap(\.groupSizeMax)
        let words = UIText(language: language ?? curriculum.language)
        if let count = Self.positiveInt(options["participants"]) {
            (participantCount, participantSource) = (count, words["participantsFromOption"])
        } else if let count = delivery?.participants, count > 0 {
            (participantCount, participantSource) = (count, words["participantsFromDelivery"])
        } else if !sizes.isEmpty {
            (participantCount, participantSource) = (sizes.reduce(0, +), words["participantsFromAudiences"])
        } else {
            (participantCount, participantSource) = (nil, nil)
        }
        if let groups = Self.positiveInt(options["groups"]) {
            groupCount = groups
        } else if let size = delivery?.groupSize, size > 0, let participants = participantCount {
            // Groups follow the head count actually used, so `--participants` changes them too.
            groupCount = (participants + size - 1) / size
        } else {
            groupCount = nil
        }
        let leads = delivery?.facilitators.filter { ($0.role ?? "").lowercased() != "organiser" }.count ?? 0
        if let count = Self.positiveInt(options["facilitators"]) {
            (facilitatorCount, facilitatorSource) = (count, words["facilitatorsFromOption"])
        } else if leads > 0 {
            (facilitatorCount, facilitatorSource) = (leads, words["facilitatorsFromDelivery"])
        } else {
            (facilitatorCount, facilitatorSource) = (nil, nil)
        }
    }

    // MARK: - Handouts

    /// A Markdown handout to render as a page: where the page goes, its source, and the resource's title.
    struct HandoutSource {
        let path: String
        let markdown: String
        let title: Label
    }

    /// The largest Markdown handout rendered as a page (larger ones are only copied).
    static let largestRenderedHandout = 1_048_576

    /// The text of a Markdown resource's file when it can be rendered: a `.md` file or `text/markdown`, a regular
    /// file of at most ``largestRenderedHandout`` bytes, valid UTF-8, whose real path (links resolved) stays inside
    /// the curriculum root's real path, as the core requires of every file it copies. Read by the export kit's
    /// ``ResourceFiles``, as the cartridge reads its files.
    static func markdownSource(of resource: Resource, at relative: String, root: String) -> String? {
        guard resource.mediaType == "text/markdown" || relative.lowercased().hasSuffix(".md"),
            relative.lowercased().hasSuffix(".md"),
            case .success(let bytes) = ResourceFiles(root: root).read(relative, limit: largestRenderedHandout)
        else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: - Texts

    func label(_ label: Label?) -> String { label?.text(in: language) ?? "" }

    /// The delivery's venue in the page's language: its name and address, or `nil` when it has neither.
    var venue: String? {
        let parts = [delivery?.venueName, delivery?.venueAddress].compactMap { $0.map(label) }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The source language when a label is shown untranslated on a translated page (for a `lang` attribute).
    func fallbackLanguage(_ label: Label) -> String? {
        guard let language, language != curriculum.language, !label.hasTranslation(language) else { return nil }
        return curriculum.language
    }

    func renderer(glossaryAnchors: Set<String>) -> RichTextHTML {
        RichTextHTML(language: language, sourceLanguage: curriculum.language, glossaryAnchors: glossaryAnchors)
    }

    /// The questions of an instrument: those of the modules it names (in order), then its own.
    func questions(of instrument: Instrument) -> [Question] {
        instrument.questionModules.flatMap { curriculum.module($0)?.questions ?? [] } + instrument.questions
    }

    /// "Session 1" or "Session s1".
    var sessionLabel: String { "\(text["session"]) \(session.number.map(String.init) ?? session.id)" }

    /// The session's heading: its title, with "Session 1: " in front unless the title already starts that way.
    var sessionHeading: String {
        let title = label(session.title)
        guard session.number != nil else { return title }
        let folded = { (value: String) in
            value.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        if folded(title).hasPrefix(folded(sessionLabel)) { return title }
        return sessionLabel + text["colon"] + title
    }

    /// The programme's title, with its code in brackets unless the title already contains it.
    var programmeHeading: String {
        let title = label(curriculum.title)
        guard let code = curriculum.meta.code, !code.isEmpty, !title.contains(code) else { return title }
        return "\(title) (\(code))"
    }

    /// The running header of printed pages: programme, session and dates.
    var runningHeader: String {
        ([programmeHeading, sessionHeading] + (dateRange.map { [$0] } ?? [])).joined(separator: " · ")
    }

    /// The dates the timetable covers, written out: one date, or first – last.
    var dateRange: String? {
        let dates = timetable.days.compactMap(\.date)
        guard let first = dates.first, let last = dates.last else { return nil }
        return first == last ? text.date(first) : "\(text.date(first)) – \(text.date(last))"
    }

    /// The heading of a day: "Day 1 — Tuesday 9 March 2027".
    func dayHeading(_ day: Timetable.DaySchedule) -> String {
        var heading = "\(text["day"]) \(day.day.number)"
        if let date = day.date { heading += " — \(text.date(date))" }
        return heading
    }

    /// Total scheduled minutes of the session.
    var totalMinutes: Int { session.days.reduce(0) { $0 + $1.totalMinutes } }

    /// The language the page is written in (a BCP 47 tag).
    var languageTag: String { language ?? curriculum.language }

    /// The language's name for the cover: "English (en)", "français (fr)", or the tag.
    var languageName: String {
        let base = languageTag.split(separator: "-").first.map { String($0).lowercased() } ?? ""
        guard let name = text.strings["language.\(base)"] else { return languageTag }
        return "\(name) (\(languageTag))"
    }

    // MARK: - Quantities

    /// How many copies or pieces, given a count per unit: `(total, explanation)`; the total is `nil` when the
    /// number of units is unknown.
    func quantity(_ count: Int, per unit: String?) -> (total: Int?, per: String) {
        guard let unit else { return (count, "") }
        let perText = "\(count) \(text.term("per", unit))"
        switch unit {
        case "participant": return (participantCount.map { $0 * count }, perText)
        case "group": return (groupCount.map { $0 * count }, perText)
        case "facilitator": return (facilitatorCount.map { $0 * count }, perText)
        case "session": return (count, perText)
        default: return (nil, perText)
        }
    }

    // MARK: - Helpers

    static func index<T>(_ values: [T], by key: (T) -> String) -> [String: T] {
        var result: [String: T] = [:]
        for value in values where result[key(value)] == nil { result[key(value)] = value }
        return result
    }

    static func positiveInt(_ value: JSONValue?) -> Int? {
        guard let number = value?.numberValue, number >= 1, number < 1_000_000 else { return nil }
        return Int(number)
    }

}
