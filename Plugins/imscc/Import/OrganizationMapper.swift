import CurriculumImportKit
import CurriculumModel

/// Turns the default organisation's item tree into sessions, days and agenda items.
///
/// - A wrapper at the top is unwrapped: CC's untitled root item, and a single titled item with three or more
///   levels below it (a course wrapping its sessions).
/// - When every top-level item is a leaf, the package is one session of one day (the organisation's title).
/// - Otherwise each top-level item is a session. Its children are the agenda of one day when none of them has
///   children; when some have, each child with children is a day (its subtree flattened into agenda items) and
///   runs of leaf children are days of their own.
struct OrganizationMapper {
    let manifest: PackageManifest
    let mapped: [String: MappedResource]
    /// The curriculum's title, the title of a single session made from a flat organisation.
    let courseTitle: String
    let language: String?
    /// The duration given to items without a typical learning time; `nil` to leave them without one.
    let defaultDuration: String?

    /// What the mapping produced.
    struct Outcome {
        var sessions: [Session] = []
        /// Identifiers of the resources some item shows.
        var placedResources: Set<String> = []
        /// Agenda items that got the default duration, with their locations.
        var defaulted: [(id: String, location: SourceLocation?)] = []
    }

    private var outcome = Outcome()
    /// Pages already read, by path, so a page shown by several items is read (and reported) once.
    private var pages: [String: PageText?] = [:]

    init(
        manifest: PackageManifest, mapped: [String: MappedResource], courseTitle: String, language: String?,
        defaultDuration: String?
    ) {
        self.manifest = manifest
        self.mapped = mapped
        self.courseTitle = courseTitle
        self.language = language
        self.defaultDuration = defaultDuration
    }

    /// Maps the organisation.
    mutating func map(_ organization: PackageManifest.Organization, state: inout ImportState) -> Outcome {
        var top = organization.items
        var context = [courseTitle]
        while top.count == 1, let only = top.first, !only.isLeaf, only.resourceIdentifier == nil,
            only.title == nil || only.height >= 4
        {
            if let title = only.title { context.append(title) }
            top = only.children
        }
        guard !top.isEmpty else { return outcome }
        if top.allSatisfy(\.isLeaf) {
            let title = organization.title ?? courseTitle
            let agenda = top.map { activity($0, context: context + [title], state: &state) }
            outcome.sessions.append(
                makeSession(
                    title: title, summary: nil,
                    days: [makeDay(number: 1, title: nil, agenda: agenda, location: organization.location)],
                    location: organization.location, state: &state))
            return outcome
        }
        for item in top {
            outcome.sessions.append(session(item, context: context, state: &state))
        }
        return outcome
    }

    // MARK: - Sessions and days

    private mutating func session(
        _ item: PackageManifest.Item, context: [String], state: inout ImportState
    )
        -> Session
    {
        let title = itemTitle(item, state: &state)
        let inside = context + [title]
        var summary = item.lom.description(in: language).flatMap { PageText.plain($0.text).richText }
        // A session item with children that shows a page: the page is the session's summary. One that shows
        // anything else (a link, a topic) opens the session's first day.
        var opening: Activity?
        if !item.isLeaf, let resource = resource(of: item) {
            if let page = resource.page {
                summary = pageText(page, title: title, context: context, item: item, state: &state)?.richText ?? summary
                outcome.placedResources.insert(item.resourceIdentifier ?? "")
            } else {
                opening = activity(item, context: context, state: &state)
            }
        }
        var days: [Day] = []
        if item.isLeaf {
            let agenda = [activity(item, context: context, state: &state)]
            days.append(makeDay(number: 1, title: nil, agenda: agenda, location: item.location))
        } else if item.children.allSatisfy(\.isLeaf) {
            let agenda = item.children.map { activity($0, context: inside, state: &state) }
            days.append(makeDay(number: 1, title: nil, agenda: agenda, location: item.location))
        } else {
            for group in Self.dayGroups(item.children) {
                switch group {
                case .loose(let items):
                    let agenda = items.map { activity($0, context: inside, state: &state) }
                    days.append(
                        makeDay(number: days.count + 1, title: nil, agenda: agenda, location: items.first?.location))
                case .day(let child):
                    let dayTitle = itemTitle(child, state: &state)
                    var agenda: [Activity] = []
                    if child.resourceIdentifier != nil {
                        agenda.append(activity(child, context: inside, state: &state))
                    }
                    agenda += flattened(child.children, context: inside + [dayTitle], state: &state)
                    days.append(
                        makeDay(
                            number: days.count + 1, title: TitleConventions.dayTitle(dayTitle), agenda: agenda,
                            location: child.location))
                }
            }
        }
        if let opening, !days.isEmpty { days[0].agenda.insert(opening, at: 0) }
        return makeSession(title: title, summary: summary, days: days, location: item.location, state: &state)
    }

    /// A day of a session with several levels: an item with children, or a run of leaf items.
    private enum DayGroup {
        case day(PackageManifest.Item)
        case loose([PackageManifest.Item])
    }

    /// The children of a session item grouped into days.
    private static func dayGroups(_ children: [PackageManifest.Item]) -> [DayGroup] {
        var groups: [DayGroup] = []
        var pending: [PackageManifest.Item] = []
        for child in children {
            if child.isLeaf {
                pending.append(child)
                continue
            }
            if !pending.isEmpty { groups.append(.loose(pending)) }
            pending = []
            groups.append(.day(child))
        }
        if !pending.isEmpty { groups.append(.loose(pending)) }
        return groups
    }

    /// The items below a day, depth first; grouping items without a resource are left out and reported.
    private mutating func flattened(
        _ items: [PackageManifest.Item], context: [String], state: inout ImportState
    ) -> [Activity] {
        var agenda: [Activity] = []
        for item in items {
            if item.isLeaf || item.resourceIdentifier != nil {
                agenda.append(activity(item, context: context, state: &state))
            }
            guard !item.isLeaf else { continue }
            if item.resourceIdentifier == nil {
                state.report.note(
                    CCCode.flattenedItem,
                    "the grouping item \"\(item.title ?? item.identifier)\" is below the day level; its items are placed on the day and its title is not kept",
                    at: item.location)
            }
            agenda += flattened(item.children, context: context + [item.title ?? ""], state: &state)
        }
        return agenda
    }

    private mutating func makeSession(
        title: String, summary: RichText?, days: [Day], location: SourceLocation?, state: inout ImportState
    ) -> Session {
        let number = outcome.sessions.count + 1
        let id = state.ids.make(from: "s\(number)", fallback: "s")
        // The questions of the assessments this session's items placed become its post-session check.
        var evaluation: [Instrument] = []
        if !pendingQuestions.isEmpty {
            evaluation.append(
                Instrument(
                    id: state.ids.make(from: id + " check", fallback: "check"), kind: "post",
                    title: Label("Checks from \(title)"), questions: pendingQuestions, location: location))
            pendingQuestions = []
        }
        return Session(
            id: id, number: number, declaredDays: days.count, title: Label(title), summary: summary, days: days,
            evaluation: evaluation, location: location)
    }

    /// Questions of assessments placed by items of the session being built.
    private var pendingQuestions: [Question] = []

    private func makeDay(number: Int, title: String?, agenda: [Activity], location: SourceLocation?) -> Day {
        Day(
            number: number, nominalStart: firstSlots[agenda.first?.id ?? ""].map(\.start.description),
            title: title.map { Label($0) }, agenda: agenda, location: location)
    }

    /// The time slot a page gave the first item of a day, by activity ID.
    private var firstSlots: [String: PageText.Slot] = [:]

    // MARK: - Agenda items

    /// The agenda item an item becomes.
    private mutating func activity(
        _ item: PackageManifest.Item, context: [String], state: inout ImportState
    )
        -> Activity
    {
        let resource = resource(of: item)
        let title = itemTitle(item, state: &state)
        let id = state.ids.make(from: title, fallback: "item")
        var activity = Activity(id: id, kind: .input, title: Label(title))
        activity.location = item.location
        activity.purpose = item.lom.description(in: language).flatMap { PageText.plain($0.text).richText }
        var slot: PageText.Slot?
        var text: PageText?
        if let resource {
            outcome.placedResources.insert(item.resourceIdentifier ?? "")
            pendingQuestions += resource.questions
            text = resource.text
            if let page = resource.page {
                let read = pageText(page, title: title, context: context, item: item, state: &state)
                text = read ?? text
                slot = read?.slot
                // A SCORM package often launches one shell page whose script shows the others: their text is the
                // item's, page after page, each led by its title.
                if resource.isSCO, text?.richText == nil {
                    text = otherPages(of: item, besides: page, context: context, state: &state) ?? text
                }
            }
            activity.participantInstructions = text?.richText
            activity.facilitatorNotes = resource.notes?.richText
            activity.resources = entries(of: item.resourceIdentifier ?? "")
            for path in text?.localFiles ?? [] {
                if let id = state.resourceIDsByPath[path] {
                    if !activity.resources.contains(id) { activity.resources.append(id) }
                } else {
                    state.report.warning(
                        CCCode.missingFile,
                        "the page links to \"\(path)\", which no resource of the manifest lists; only the link's text was kept",
                        at: item.location, hint: "List the file in a <resource> of the manifest.")
                }
            }
            if resource.isForInstructors { activity.audience = .facilitator }
        }
        activity.kind = kind(of: item, title: title, resource: resource, text: text)
        if item.isHidden { activity.audience = .facilitator }
        activity.duration = duration(of: item, resource: resource, slot: slot, state: &state)
        if activity.duration == nil {
            activity.duration = defaultDuration
            outcome.defaulted.append((id, item.location))
        }
        if let slot { firstSlots[id] = slot }
        return activity
    }

    private func kind(
        of item: PackageManifest.Item, title: String, resource: MappedResource?, text: PageText?
    )
        -> ActivityKind
    {
        let instructions = text?.richText?.plainText ?? ""
        switch resource?.role {
        case .link: return .input
        case .discussion:
            return TitleConventions.mentionsGroupWork(title + " " + instructions) ? .groupWork : .plenary
        case .assessment: return .evaluation
        case .tool, .assignment: return .exercise
        case .content where resource?.isSCO == true: return .exercise
        case .content, nil:
            if let kind = TitleConventions.kind(forTitle: title) { return kind }
            return TitleConventions.mentionsGroupWork(instructions) ? .groupWork : .input
        }
    }

    /// The item's own typical learning time, its resource's, or the length of the slot its page gives.
    private func duration(
        of item: PackageManifest.Item, resource: MappedResource?, slot: PageText.Slot?, state: inout ImportState
    ) -> String? {
        for time in [item.lom.learningTime, resource?.learningTime].compactMap({ $0 }) {
            if let duration = LearningTime.isoDuration(time.text) { return duration }
            state.report.warning(
                CCCode.unreadableDuration,
                "the typical learning time \"\(time.text.prefix(80))\" of \"\(item.title ?? item.identifier)\" is not a duration; it was ignored",
                at: time.location, hint: "Write an ISO 8601 duration such as PT45M, or HH:MM:SS in SCORM 1.2.")
        }
        return slot.map { LearningTime.format($0.minutes) }
    }

    /// The registry entries of a resource and of the resources it depends on, without repeats.
    private func entries(of identifier: String) -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        var queue = [identifier]
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            guard visited.insert(current).inserted else { continue }
            for entry in mapped[current]?.entries ?? [] where !result.contains(entry) { result.append(entry) }
            queue += manifest.resource(current)?.dependencies ?? []
        }
        return result
    }

    // MARK: - Helpers

    /// The text of a resource's pages other than the one it launches, in the manifest's file order.
    private mutating func otherPages(
        of item: PackageManifest.Item, besides launch: String, context: [String], state: inout ImportState
    ) -> PageText? {
        guard let identifier = item.resourceIdentifier, let files = manifest.resource(identifier)?.files else {
            return nil
        }
        var blocks: [Block] = []
        var localFiles: [String] = []
        for path in files where path != launch && FileKind(path: path).isPage {
            guard let read = pageText(path, title: "", context: context, item: item, state: &state) else { continue }
            if read.blocks.isEmpty { continue }
            let leadsWithHeading =
                read.blocks.first.map {
                    $0.kind == .paragraph && $0.inlines.count == 1 && $0.inlines[0].kind == .strong
                }
                ?? false
            if !leadsWithHeading {
                blocks.append(.paragraph([Inline(kind: .strong, children: [.text(FileKind.title(of: path))])]))
            }
            blocks += read.blocks
            localFiles += read.localFiles
        }
        guard !blocks.isEmpty else { return nil }
        var text = PageText(blocks: blocks, slot: nil)
        text.localFiles = localFiles
        return text
    }

    private func resource(of item: PackageManifest.Item) -> MappedResource? {
        item.resourceIdentifier.flatMap { mapped[$0] }
    }

    private mutating func pageText(
        _ path: String, title: String, context: [String], item: PackageManifest.Item, state: inout ImportState
    ) -> PageText? {
        if let known = pages[path] { return known }
        let text = PageText.read(
            page: path, title: title, context: context, referencedFrom: item.location, state: &state)
        pages[path] = text
        return text
    }

    /// The item's title; the resource's title or the identifier (reported) when it has none.
    private func itemTitle(_ item: PackageManifest.Item, state: inout ImportState) -> String {
        if let title = item.title { return title }
        let fallback = resource(of: item)?.title ?? item.identifier
        state.report.warning(
            CCCode.untitledItem, "the item \"\(item.identifier)\" has no title; it is called \"\(fallback)\"",
            at: item.location, hint: "Give every item a <title>.")
        return fallback
    }
}
