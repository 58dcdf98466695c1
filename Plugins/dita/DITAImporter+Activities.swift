import CurriculumImportKit
import CurriculumModel

extension DITAImporter {
    /// The topic type, refined by the map's reference when the topic is a plain topic or concept.
    static func effectiveKind(_ topic: Topic, role: ReferenceRole) -> Topic.Kind {
        guard topic.kind == .generic else { return topic.kind }
        switch role {
        case .overview: return .overview
        case .summary: return .summary
        default: return .generic
        }
    }

    mutating func makeActivity(_ topic: Topic, reference: TopicReference, inObject: Bool) -> Activity {
        let kind: ActivityKind
        switch Self.effectiveKind(topic, role: reference.role) {
        case .overview: kind = inObject ? .input : .welcome
        case .summary: kind = inObject ? .plenary : .closing
        case .assessment: kind = .evaluation
        case .task: kind = .exercise
        case .content, .generic, .plan: kind = topic.isPractical ? .exercise : .input
        }
        return Activity(
            id: ids.make(from: topic.id ?? topic.title, fallback: "activity"), kind: kind, title: Label(topic.title),
            duration: isoDuration(topic.duration ?? reference.typicalLearningTime), resources: topic.resourceIDs,
            purpose: topic.purpose, participantInstructions: topic.body, facilitatorNotes: topic.notes,
            location: topic.location)
    }

    /// The ISO 8601 form of a written duration; reports what cannot be read.
    mutating func isoDuration(_ written: WrittenDuration?) -> String? {
        guard let written else { return nil }
        if let iso = DurationText.isoDuration(written.text) { return iso }
        let trimmed = written.text.trimmingCharacters(in: .whitespaces)
        if Double(trimmed) != nil {
            if let unit = durationUnit, let iso = DurationText.isoDuration("\(trimmed) \(unit)") {
                report.note(
                    DITACode.assumedDurationUnit,
                    "the duration \"\(trimmed)\" has no unit; it is read as \(trimmed) \(unit), as --option durationUnit says",
                    at: written.location)
                return iso
            }
            report.warning(
                DITACode.unreadableDuration,
                "the duration \"\(trimmed)\" has no unit, so the activity has no duration",
                at: written.location,
                hint:
                    "Pass --option durationUnit=minutes (or hours) to say what bare numbers mean, or write PT\(trimmed)M."
            )
            return nil
        }
        report.warning(
            DITACode.unreadableDuration,
            "the duration \"\(written.text)\" cannot be read as a length of time, so the activity has no duration",
            at: written.location,
            hint: "Write an ISO 8601 duration such as PT45M, or a length such as \"45 minutes\" or \"1.5 hours\".")
        return nil
    }

    mutating func makeQuestion(_ draft: QuestionDraft, assesses: [String]) -> Question {
        let words = draft.text.split(separator: " ").prefix(4).joined(separator: " ")
        return Question(
            id: ids.make(from: draft.sourceID ?? "q " + words, fallback: "q"), type: draft.type, assesses: assesses,
            text: Label(draft.text), options: draft.options.map { Label($0) }, key: draft.key, location: draft.location)
    }

    // MARK: - Objectives and audiences

    /// The IDs of the objectives, in order, and the objectives among them not seen before, which the caller
    /// defines where they first appear (in the module, or in the programme).
    mutating func registerObjectives(
        _ texts: [ObjectiveText], draft: inout CourseDraft
    )
        -> (ids: [String], new: [Objective])
    {
        var result: [String] = []
        var defined: [Objective] = []
        for objective in texts {
            let key = CourseDraft.key(objective.text)
            if let id = draft.objectiveIDs[key] {
                if !result.contains(id) { result.append(id) }
                continue
            }
            let text = objective.text.prefix(1).uppercased() + objective.text.dropFirst()
            let words = objective.text.split(separator: " ").prefix(4).joined(separator: " ")
            let id = ids.make(from: objective.sourceID ?? "obj " + words, fallback: "obj")
            let verb = ObjectiveVerbs.classify(text)
            defined.append(
                Objective(
                    id: id, domain: verb.domain, level: verb.level, text: Label(text), location: objective.location))
            draft.objectiveIDs[key] = id
            result.append(id)
        }
        return (result, defined)
    }

    mutating func absorb(audiences: [AudienceDraft], into draft: inout CourseDraft) {
        for audience in audiences {
            let key = (audience.name ?? "") + "|" + (audience.description?.plainText ?? "")
            guard !draft.audienceKeys.contains(key) else { continue }
            draft.audienceKeys.insert(key)
            let name = audience.name ?? "Participants"
            draft.audiences.append(
                Audience(
                    id: ids.make(from: "aud " + name, fallback: "aud"), role: "participant", name: Label(name),
                    description: audience.description, background: audience.background.map { Label($0) },
                    priorKnowledge: audience.priorKnowledge.map { Label($0) }, needs: audience.needs.map { Label($0) },
                    location: audience.location))
        }
    }

    mutating func absorb(plan topic: Topic, into draft: inout CourseDraft) {
        guard let plan = topic.plan else {
            report.warning(
                DITACode.notATopic,
                "\"\(topic.path)\" is referenced as a learning plan but is a different topic type, so it was left out",
                at: topic.location)
            return
        }
        draft.plan.title = draft.plan.title ?? plan.title
        draft.plan.client = draft.plan.client ?? plan.client
        draft.plan.subject = draft.plan.subject ?? plan.subject
        draft.plan.description += plan.description
        absorb(audiences: plan.audiences, into: &draft)
    }
}
