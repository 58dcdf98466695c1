import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

extension DITAImporter {
    /// The topic a map reference points at, read once per file and topic ID.
    mutating func topic(for reference: TopicReference) -> Topic? {
        let key = reference.path + "#" + (reference.fragment ?? "")
        if let cached = readTopics[key] { return cached }
        guard let root = parsedFile(reference.path, referencedFrom: reference.location),
            let element = topicElement(in: root, for: reference)
        else { return nil }
        let topic = readTopic(element, in: reference.path)
        readTopics[key] = topic
        return topic
    }

    /// A topic file's root element, parsed once; `nil` when the file was refused (and reported).
    private mutating func parsedFile(_ path: String, referencedFrom reference: SourceLocation) -> XMLElement? {
        if let cached = parsedFiles[path] { return cached }
        let root = reader.parsePart(path, report: &report, referencedFrom: reference)
        parsedFiles.updateValue(root, forKey: path)
        return root
    }

    /// The topic element a reference means: the root topic, a topic of a `<dita>` file, or the nested topic whose
    /// ID the reference's fragment names.
    private mutating func topicElement(in root: XMLElement, for reference: TopicReference) -> XMLElement? {
        let candidates: [XMLElement]
        if root.name == "dita" {
            candidates = root.elements.filter { DITAVocabulary.topicTypes.contains($0.name) }
        } else {
            candidates = DITAVocabulary.topicTypes.contains(root.name) ? [root] : []
        }
        guard let first = candidates.first else {
            report.warning(
                DITACode.notATopic,
                "\"\(reference.path)\" is a <\(root.name)> document, not a topic this importer reads, so it was left out",
                at: reference.location,
                hint:
                    "The importer reads learning topics (learningOverview, learningContent …) and topic, concept, task and reference."
            )
            return nil
        }
        guard let fragment = reference.fragment else { return first }
        let nested = candidates.flatMap { Self.descendants(of: $0) { DITAVocabulary.topicTypes.contains($0.name) } }
        if let match = (candidates + nested).first(where: { $0[attribute: "id"] == fragment }) { return match }
        let actual = first[attribute: "id"].map { "\"\($0)\"" } ?? "missing"
        report.warning(
            DITACode.topicIDMismatch,
            "the reference to \"\(reference.path)#\(fragment)\" names the topic ID \"\(fragment)\", but the topic's ID is \(actual); the reference is left out",
            at: reference.location, hint: "Correct the part after # to the topic's id, or leave it out.")
        return nil
    }

    // MARK: - Reading a topic

    private mutating func readTopic(_ element: XMLElement, in file: String) -> Topic {
        let kind = Topic.Kind(root: element.name)
        var title = element.element(named: "title").map { inlineText(of: $0, in: file) } ?? ""
        if title.isEmpty { title = element[attribute: "id"] ?? (file as NSString).lastPathComponent }
        var topic = Topic(
            path: file, kind: kind, id: element[attribute: "id"], title: title,
            location: location(of: element, in: file))
        if kind == .plan {
            topic.plan = readPlan(element, in: file)
            return topic
        }
        var harvest = BodyHarvest()
        harvest.isPractical = kind == .task
        var running: [XMLContent] = []
        var body: XMLElement?
        for child in element.elements {
            switch child.name {
            case "title", "titlealts":
                continue
            case "prolog":
                topic.duration = Self.declaredLearningTime(in: child).map {
                    WrittenDuration(text: $0.value, location: location(of: $0.element, in: file))
                }
            case "shortdesc", "abstract":
                topic.purpose = richText(fromChildrenOf: child, in: file, harvest: &harvest)
            case "related-links":
                // Only the resources count; the links' text is not part of the body.
                _ = normaliseChildren(of: child, in: file, harvest: &harvest)
            case _ where child.name.hasSuffix("body"):
                body = body ?? child
                running += normaliseChildren(of: child, in: file, harvest: &harvest)
            case _ where DITAVocabulary.topicTypes.contains(child.name):
                running += nestedTopic(child, in: file, harvest: &harvest)
            default:
                reportUnmapped(child, in: file)
            }
        }
        topic.body = richText(from: running, at: body ?? element, in: file)
        if let first = harvest.notes.first {
            topic.notes = richText(from: harvest.notes.map { .element($0) }, at: first, in: file)
        }
        if let written = harvest.durations.first.flatMap({ writtenDuration(of: $0, in: file) }) {
            topic.duration = written
        }
        topic.objectives = harvest.objectives.compactMap { objective in
            let text = inlineText(of: objective, in: file)
            guard !text.isEmpty else { return nil }
            return ObjectiveText(
                text: text, sourceID: objective[attribute: "id"], location: location(of: objective, in: file))
        }
        topic.audiences = harvest.audiences.map { audience(from: $0, in: file) }
        topic.questions = harvest.interactions.compactMap { question(from: $0, in: file) }
        topic.resourceIDs = harvest.resourceIDs
        topic.isPractical = harvest.isPractical
        return topic
    }

    /// A topic nested in another (a `concept` or `task` inside a `learningContent`): its title as a heading,
    /// then its short description and body.
    private mutating func nestedTopic(
        _ element: XMLElement, in file: String, harvest: inout BodyHarvest
    )
        -> [XMLContent]
    {
        if element.name == "task" { harvest.isPractical = true }
        var result: [XMLContent] = []
        for child in element.elements {
            switch child.name {
            case "title":
                result.append(
                    .element(
                        XMLElement(
                            name: "title", children: [.text(inlineText(of: child, in: file))], position: child.position)
                    ))
            case "titlealts", "prolog", "related-links":
                continue
            case "shortdesc", "abstract":
                result.append(
                    .element(
                        XMLElement(
                            name: "p", children: normaliseChildren(of: child, in: file, harvest: &harvest),
                            position: child.position)))
            case _ where child.name.hasSuffix("body"):
                result += normaliseChildren(of: child, in: file, harvest: &harvest)
            case _ where DITAVocabulary.topicTypes.contains(child.name):
                result += nestedTopic(child, in: file, harvest: &harvest)
            default:
                reportUnmapped(child, in: file)
            }
        }
        return result
    }

    private mutating func audience(from section: XMLElement, in file: String) -> AudienceDraft {
        let title = section.element(named: "title").map(PlainText.of)
        let children = section.children.filter {
            if case .element(let inner) = $0 { return inner.name != "title" }
            return true
        }
        return AudienceDraft(
            name: title.flatMap { $0.isEmpty ? nil : $0 }, description: richText(from: children, at: section, in: file),
            location: location(of: section, in: file))
    }

    // MARK: - Durations

    /// What an `lcDuration` says: `lcTime`'s `value`, else its text, else text written directly in the element.
    private mutating func writtenDuration(of element: XMLElement, in file: String) -> WrittenDuration? {
        if let time = element.elements.first(where: { DITAVocabulary.baseName($0.name) == "lcTime" }) {
            let value = PlainText.collapse(time[attribute: "value"] ?? "")
            if !value.isEmpty { return WrittenDuration(text: value, location: location(of: time, in: file)) }
            let text = PlainText.of(time)
            if !text.isEmpty { return WrittenDuration(text: text, location: location(of: time, in: file)) }
        }
        let loose = element.children.filter {
            if case .element(let inner) = $0 { return inner.name != "title" }
            return true
        }
        let text = PlainText.of(XMLElement(name: "ph", children: loose))
        guard !text.isEmpty else {
            report.warning(
                DITACode.unreadableDuration, "<\(element.name)> states no time, so the activity has no duration",
                at: location(of: element, in: file), hint: "Write the time in <lcTime value=\"PT45M\"/>.")
            return nil
        }
        return WrittenDuration(text: text, location: location(of: element, in: file))
    }

    /// A learning time declared in a topic's `prolog`: `lomTypicalLearningTime` (learning metadata), or a
    /// `<data>` or `<othermeta>` named `duration`.
    static func declaredLearningTime(in element: XMLElement) -> (value: String, element: XMLElement)? {
        let found = descendants(of: element) { $0.name == "lomTypicalLearningTime" || isDurationMetadata($0) }.first
        guard let found else { return nil }
        let value = PlainText.collapse(found[attribute: "value"] ?? found[attribute: "content"] ?? PlainText.of(found))
        return value.isEmpty ? nil : (value, found)
    }

    /// Whether an element is `<data name="duration">` or `<othermeta name="duration">`.
    static func isDurationMetadata(_ element: XMLElement) -> Bool {
        ["data", "othermeta"].contains(element.name) && element[attribute: "name"]?.lowercased() == "duration"
    }

    // MARK: - Interactions

    /// A question from an interaction, or `nil` (reported) when the model has no such question type.
    private mutating func question(from element: XMLElement, in file: String) -> QuestionDraft? {
        let name = DITAVocabulary.baseName(element.name)
        let here = location(of: element, in: file)
        guard let type = DITAVocabulary.questionTypes[name] else {
            report.warning(
                DITACode.unsupportedInteraction,
                "<\(element.name)> has no question type in the curriculum model (single, multiple, open) and was left out",
                at: here,
                hint: "Rewrite it as a single- or multiple-choice or open question if it belongs in the evaluation.")
            return nil
        }
        var text = ""
        var options: [String] = []
        var key = AnswerKey()
        for child in element.elements {
            switch DITAVocabulary.baseName(child.name) {
            case "lcQuestion":
                text = inlineText(of: child, in: file)
            case "title", "lcInteractionLabel":
                continue
            case "lcAnswerOptionGroup":
                for option in child.elements {
                    guard DITAVocabulary.baseName(option.name) == "lcAnswerOption" else {
                        reportUnmapped(option, in: file)
                        continue
                    }
                    var feedback: [String] = []
                    var isCorrect = false
                    for part in option.elements {
                        switch DITAVocabulary.baseName(part.name) {
                        case "lcAnswerContent":
                            let answer = inlineText(of: part, in: file)
                            if !answer.isEmpty { options.append(answer) }
                        case "lcCorrectResponse":
                            isCorrect = (part[attribute: "value"] ?? "true").lowercased() != "false"
                        case "lcFeedback", "lcFeedbackCorrect", "lcFeedbackIncorrect":
                            let said = inlineText(of: part, in: file)
                            if !said.isEmpty { feedback.append(said) }
                        default:
                            reportUnmapped(part, in: file, context: "an answer option")
                        }
                    }
                    // The key goes with the option just read (an option without content is not one).
                    guard !options.isEmpty else { continue }
                    if isCorrect, !key.correctOptions.contains(options.count - 1) {
                        key.correctOptions.append(options.count - 1)
                    }
                    for said in feedback { key.feedback.append(.init(option: options.count - 1, text: Label(said))) }
                }
            case "lcFeedback", "lcFeedbackCorrect", "lcFeedbackIncorrect":
                let said = inlineText(of: child, in: file)
                let when =
                    switch DITAVocabulary.baseName(child.name) {
                    case "lcFeedbackCorrect": "When correct: "
                    case "lcFeedbackIncorrect": "When not correct: "
                    default: ""
                    }
                if !said.isEmpty { key.feedback.append(.init(text: Label(when + said))) }
            case "lcOpenAnswer", "lcAnswerContent":
                var harvest = BodyHarvest()
                if let answer = richText(fromChildrenOf: child, in: file, harvest: &harvest) {
                    let earlier = key.explanation?.blocks ?? []
                    key.explanation = RichText(blocks: earlier + answer.blocks)
                }
            case "lcCorrectResponse":
                // lcTrueFalse may mark the right answer on the question: value="true" or "false".
                if let value = child[attribute: "value"]?.lowercased() {
                    key.correctOptions = [value == "false" ? 1 : 0]
                }
            default:
                reportUnmapped(child, in: file, context: "a question")
            }
        }
        guard !text.isEmpty else {
            report.warning(
                DITACode.unsupportedInteraction, "<\(element.name)> has no <lcQuestion> text and was left out",
                at: here,
                hint: "Write the question in <lcQuestion>.")
            return nil
        }
        if name == "lcTrueFalse" && options.isEmpty { options = ["True", "False"] }
        return QuestionDraft(
            sourceID: element[attribute: "id"], type: type, text: text, options: options,
            key: key == AnswerKey() ? nil : key, location: here)
    }
}
