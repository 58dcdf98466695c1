import CurriculumModel
import CurriculumXML
import Foundation

extension DITAImporter {
    /// Builds the curriculum: every learning group becomes a one-day session, every learning object a module
    /// whose activities the session places; loose topics become agenda items of the session they stand in.
    mutating func buildCurriculum(header: MapHeader, outline: [OutlineEntry], map: XMLElement) -> Curriculum {
        let stem = ((mapPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = ids.make(from: header.id ?? header.title ?? stem, fallback: "course")
        var draft = CourseDraft()
        let specifications = Self.sessionSpecifications(outline)
        for (index, specification) in specifications.enumerated() {
            buildSession(
                specification.group, entries: specification.entries, number: index + 1,
                isOnly: specifications.count == 1, courseTitle: header.title, draft: &draft)
        }
        var title = header.title.flatMap { $0.isEmpty ? nil : $0 } ?? draft.plan.title
        if title == nil {
            report.warning(
                DITACode.untitledMap, "the map has no title, so the programme is named after the file \"\(stem)\"",
                at: header.location, hint: "Give the map a <title> (or a <booktitle><mainbooktitle> in a book map).")
            title = stem
        }
        var language = header.language
        if language == nil {
            report.note(
                DITACode.noLanguage, "the map has no xml:lang, so the programme's language was taken to be \"en\"",
                at: header.location, hint: "Set xml:lang on the map's root element.")
            language = "en"
        }
        for index in draft.sessions.indices { draft.sessions[index].audiences = draft.audiences.map(\.id) }
        let summaryBlocks = header.summary + draft.plan.description
        let meta = ProgrammeMeta(
            subtitle: (header.subtitle ?? draft.plan.subject).map { Label($0) },
            summary: summaryBlocks.isEmpty ? nil : RichText(blocks: summaryBlocks, location: header.location),
            owner: draft.plan.client.map { Label($0) }, keywords: header.keywords.map { Label($0) })
        return Curriculum(
            id: id, title: Label(title ?? stem), language: language ?? "en", meta: meta, audiences: draft.audiences,
            objectives: draft.objectives, resources: resources.resources, modules: draft.modules,
            sessions: draft.sessions, location: header.location)
    }

    /// Splits the top level of the map into sessions: one per learning group; entries before the first group
    /// join the first session, entries after a group join that group's session. Without groups, one session.
    static func sessionSpecifications(
        _ outline: [OutlineEntry]
    ) -> [(group: LearningGroupNode?, entries: [OutlineEntry])] {
        var result: [(group: LearningGroupNode?, entries: [OutlineEntry])] = []
        var leading: [OutlineEntry] = []
        for entry in outline {
            if case .group(let group) = entry {
                result.append((group, leading + group.entries))
                leading = []
            } else if result.isEmpty {
                leading.append(entry)
            } else {
                result[result.count - 1].entries.append(entry)
            }
        }
        if result.isEmpty && !leading.isEmpty { result.append((nil, leading)) }
        return result
    }

    /// The entries of a session with nested groups read through.
    static func flatten(_ entries: [OutlineEntry]) -> [OutlineEntry] {
        entries.flatMap { entry -> [OutlineEntry] in
            if case .group(let group) = entry { return flatten(group.entries) }
            return [entry]
        }
    }

    // MARK: - Sessions

    private mutating func buildSession(
        _ group: LearningGroupNode?, entries: [OutlineEntry], number: Int, isOnly: Bool, courseTitle: String?,
        draft: inout CourseDraft
    ) {
        var agenda: [Activity] = []
        var instruments: [Instrument] = []
        var firstOverviewTitle: String?
        for entry in Self.flatten(entries) {
            switch entry {
            case .topic(let reference):
                guard let topic = topic(for: reference) else { continue }
                if topic.kind == .plan || reference.role == .plan {
                    absorb(plan: topic, into: &draft)
                    continue
                }
                absorb(audiences: topic.audiences, into: &draft)
                var item = makeActivity(topic, reference: reference, inObject: false)
                let registered = registerObjectives(topic.objectives, draft: &draft)
                draft.objectives += registered.new
                let own = registered.ids
                if item.kind == .evaluation {
                    item.assesses = own
                    let questions = topic.questions.map { makeQuestion($0, assesses: own) }
                    if !questions.isEmpty {
                        instruments.append(
                            Instrument(
                                id: ids.make(from: "eval " + item.id, fallback: "eval"),
                                kind: reference.role == .preAssessment ? "pre" : "post", title: Label(topic.title),
                                questions: questions, location: topic.location))
                    }
                } else if item.kind != .closing {
                    item.develops = own
                }
                if item.kind == .welcome, firstOverviewTitle == nil { firstOverviewTitle = topic.title }
                agenda.append(item)
            case .object(let node):
                guard let built = buildModule(node, draft: &draft) else { continue }
                agenda += built.placed
                instruments += built.instruments
            case .group:
                continue
            }
        }
        let fallbackTitle = isOnly ? courseTitle : nil
        let title = group?.title ?? fallbackTitle ?? firstOverviewTitle ?? "Session \(number)"
        let here = group?.location ?? mapLocation
        guard !agenda.isEmpty else {
            report.warning(
                DITACode.emptyGrouping, "\"\(title)\" holds no topic that becomes an activity, so no session was made",
                at: here, hint: "Add learning objects or topic references to the group.")
            return
        }
        var objectiveRefs: [String] = []
        for id in agenda.flatMap(\.develops) where !objectiveRefs.contains(id) { objectiveRefs.append(id) }
        let session = Session(
            id: ids.make(from: group?.id ?? "session \(number)", fallback: "session"), number: number, declaredDays: 1,
            title: Label(title), summary: group.flatMap { $0.summary.isEmpty ? nil : RichText(blocks: $0.summary) },
            objectiveRefs: objectiveRefs, days: [Day(number: 1, agenda: agenda, location: here)],
            evaluation: instruments, location: here)
        draft.sessions.append(session)
    }
}
