import CurriculumModel

extension DITAImporter {
    /// A learning object as a module; returns the module's activities as placed on the agenda (with `module`
    /// and `placement` set) and the evaluation instruments its assessments make.
    mutating func buildModule(
        _ node: LearningObjectNode, draft: inout CourseDraft
    )
        -> (placed: [Activity], instruments: [Instrument])?
    {
        var parts: [(reference: TopicReference, topic: Topic)] = []
        for reference in node.references {
            guard let topic = topic(for: reference) else { continue }
            if topic.kind == .plan || reference.role == .plan {
                absorb(plan: topic, into: &draft)
            } else {
                parts.append((reference, topic))
            }
        }
        let overview = parts.first { Self.effectiveKind($0.topic, role: $0.reference.role) == .overview }?.topic
        let title = node.title ?? overview?.title ?? parts.first?.topic.title ?? "Learning object"
        guard !parts.isEmpty else {
            report.warning(
                DITACode.emptyGrouping,
                "the learning object \"\(title)\" holds no topic that could be read, so no module was made",
                at: node.location, hint: "Check the topic references of the learning object.")
            return nil
        }
        let moduleID = ids.make(from: node.id ?? title, fallback: "module")
        var defined: [Objective] = []
        // Objectives of the overview are the learning object's; its content topics develop them.
        var objectIDs: [String] = []
        var ownIDs: [[String]] = []
        for part in parts {
            let registered = registerObjectives(part.topic.objectives, draft: &draft)
            defined += registered.new
            let own = registered.ids
            ownIDs.append(own)
            if Self.effectiveKind(part.topic, role: part.reference.role) == .overview {
                for id in own where !objectIDs.contains(id) { objectIDs.append(id) }
            }
        }
        let hasContent = parts.contains {
            [.content, .task, .generic].contains(Self.effectiveKind($0.topic, role: $0.reference.role))
        }
        var everyObjective = objectIDs
        for id in ownIDs.joined() where !everyObjective.contains(id) { everyObjective.append(id) }
        var activities: [Activity] = []
        var questions: [Question] = []
        var preQuestions: [Question] = []
        var instruments: [Instrument] = []
        for (index, part) in parts.enumerated() {
            absorb(audiences: part.topic.audiences, into: &draft)
            var activity = makeActivity(part.topic, reference: part.reference, inObject: true)
            let own = ownIDs[index]
            switch Self.effectiveKind(part.topic, role: part.reference.role) {
            case .overview:
                activity.develops = hasContent ? [] : objectIDs
            case .summary, .plan:
                break
            case .assessment:
                let assessed = own.isEmpty ? everyObjective : own
                activity.assesses = assessed
                let made = part.topic.questions.map { makeQuestion($0, assesses: assessed) }
                if part.reference.role == .preAssessment {
                    preQuestions += made
                    if !made.isEmpty {
                        instruments.append(
                            Instrument(
                                id: ids.make(from: "pre " + moduleID, fallback: "pre"), kind: "pre",
                                title: Label(part.topic.title), questions: made, location: part.topic.location))
                    }
                } else {
                    questions += made
                }
            case .content, .task, .generic:
                var develops = own
                for id in objectIDs where !develops.contains(id) { develops.append(id) }
                activity.develops = develops
                questions += part.topic.questions.map { makeQuestion($0, assesses: develops) }
            }
            activities.append(activity)
        }
        noteOverviewDuration(parts: parts, activities: activities)
        if !questions.isEmpty {
            let assessment = parts.first { Self.effectiveKind($0.topic, role: $0.reference.role) == .assessment }
            instruments.append(
                Instrument(
                    id: ids.make(from: "eval " + moduleID, fallback: "eval"), kind: "post",
                    title: Label(assessment?.topic.title ?? "Questions on \(title)"), questionModules: [moduleID],
                    location: assessment?.topic.location ?? node.location))
        }
        let summary: RichText? =
            node.summary.isEmpty ? overview?.purpose : RichText(blocks: node.summary, location: node.location)
        draft.modules.append(
            Module(
                id: moduleID, title: Label(title), summary: summary, objectives: defined, activities: activities,
                questions: questions, location: node.location))
        let placed = zip(activities, parts).map { activity, part in
            var copy = activity
            copy.module = moduleID
            copy.placement = part.reference.location
            return copy
        }
        return (placed, instruments)
    }

    /// A note when an overview's duration is at least as long as the rest of its learning object: DITA authors
    /// often give the whole object's length there, which would count the time twice.
    private mutating func noteOverviewDuration(
        parts: [(reference: TopicReference, topic: Topic)], activities: [Activity]
    ) {
        guard
            let index = parts.firstIndex(where: { Self.effectiveKind($0.topic, role: $0.reference.role) == .overview }),
            let minutes = activities[index].minutes, activities.count > 1
        else { return }
        let others = activities.indices.filter { $0 != index }.map { activities[$0].minutes }
        guard others.allSatisfy({ $0 != nil }) else { return }
        let rest = others.compactMap { $0 }.reduce(0, +)
        guard minutes >= rest, let written = parts[index].topic.duration ?? parts[index].reference.typicalLearningTime
        else { return }
        report.note(
            DITACode.overviewDurationLooksLikeTotal,
            "the overview \"\(parts[index].topic.title)\" lasts \(minutes) minutes, as long as the rest of its learning object together (\(rest) minutes); it is imported as the overview's own time",
            at: written.location,
            hint: "If it is the length of the whole learning object, give the overview its own, shorter lcDuration.")
    }
}
