public import CurriculumModel

/// Writes a curriculum as one self-contained document of the native format: every module, session, case study
/// and delivery inline, in the model's order, indented, with the format's element order — so the output is
/// valid against `Schemas/curriculum.xsd`, loads back into the same model, and diffs cleanly between runs.
///
/// Agenda entries that a session placed from a module are written back as `<use module=… activity=…/>` (a
/// whole module placed in order as one `<use module=…/>`); resource `href`s are rebased from the folder their
/// declaring file was in to the folder the document will be written to.
public struct NativeXMLWriter: Sendable {
    /// The folder, relative to the curriculum root, that the document will be written to.
    public var documentDirectory: String

    /// Creates a writer.
    ///
    /// - Parameter documentDirectory: Where the output goes, relative to the curriculum root (`""` for the root);
    ///   used to rebase resource files. Resources without a base folder (as importers return them) are written as
    ///   they are.
    public init(documentDirectory: String = "") {
        self.documentDirectory = documentDirectory
    }

    /// The document.
    public func document(_ curriculum: Curriculum) -> String {
        written(curriculum).text
    }

    /// The document, with the source location of each element written for a located part of the model.
    public func written(_ curriculum: Curriculum) -> NativeDocument {
        var out = XMLLines()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.source(curriculum.location)
        out.open(
            "programme",
            [
                "xmlns": NativeFormat.namespace, "format-version": NativeFormat.version,
                "xml:lang": curriculum.language, "id": curriculum.id, "revision": curriculum.revision.map(String.init),
                "status": curriculum.status,
            ])
        meta(curriculum, into: &out)
        list("audiences", curriculum.audiences, into: &out) { audience($0, into: &$1) }
        objectives(curriculum.objectives, into: &out)
        resources(curriculum.resources, into: &out)
        list("case-studies", curriculum.caseStudies, into: &out) { caseStudy($0, into: &$1) }
        list("glossary", curriculum.glossary, into: &out) { entry, out in
            out.source(entry.location)
            out.open("entry", ["id": entry.id])
            label("term", entry.term, into: &out)
            richText("definition", entry.definition, into: &out)
            out.close("entry")
        }
        list("modules", curriculum.modules, into: &out) { module($0, into: &$1) }
        let modules = Dictionary(curriculum.modules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        list("sessions", curriculum.sessions, into: &out) { session($0, modules: modules, into: &$1) }
        list("deliveries", curriculum.deliveries, into: &out) { delivery($0, into: &$1) }
        out.close("programme")
        return NativeDocument(text: out.document, sources: out.sources)
    }

    // MARK: - Programme

    private func meta(_ curriculum: Curriculum, into out: inout XMLLines) {
        let meta = curriculum.meta
        out.open("meta")
        label("title", curriculum.title, into: &out)
        if let subtitle = meta.subtitle { label("subtitle", subtitle, into: &out) }
        if let code = meta.code { out.text("code", code) }
        if let summary = meta.summary { richText("summary", summary, into: &out) }
        if let provenance = meta.provenance { richText("provenance", provenance, into: &out) }
        if let owner = meta.owner { label("owner", owner, into: &out) }
        for funder in meta.funders { label("funder", funder, into: &out) }
        if let licence = meta.licence { label("licence", licence, into: &out) }
        if !meta.keywords.isEmpty {
            out.open("keywords")
            for keyword in meta.keywords { label("keyword", keyword, into: &out) }
            out.close("keywords")
        }
        if !meta.translationLanguages.isEmpty {
            out.empty(
                "languages",
                ["source": curriculum.language, "translations": meta.translationLanguages.joined(separator: " ")])
        }
        if meta.dateFrom != nil || meta.dateTo != nil {
            out.empty("dates", ["from": meta.dateFrom, "to": meta.dateTo])
        }
        out.close("meta")
    }

    private func audience(_ audience: Audience, into out: inout XMLLines) {
        out.source(audience.location)
        out.open("audience", ["id": audience.id, "role": audience.role])
        label("name", audience.name, into: &out)
        if let description = audience.description { richText("description", description, into: &out) }
        let hasProfile =
            !audience.sectors.isEmpty || audience.background != nil || audience.priorKnowledge != nil
            || audience.needs != nil
        if hasProfile {
            out.open("profile")
            for sector in audience.sectors { label("sector", sector, into: &out) }
            if let background = audience.background { label("background", background, into: &out) }
            if let prior = audience.priorKnowledge { label("prior-knowledge", prior, into: &out) }
            if let needs = audience.needs { label("needs", needs, into: &out) }
            out.close("profile")
        }
        if audience.groupSizeMin != nil || audience.groupSizeMax != nil {
            out.empty(
                "group-size",
                ["min": audience.groupSizeMin.map(String.init), "max": audience.groupSizeMax.map(String.init)])
        }
        out.close("audience")
    }

    private func objectives(_ objectives: [Objective], into out: inout XMLLines) {
        list("objectives", objectives, into: &out) { objective, out in
            out.source(objective.location)
            out.open("objective", ["id": objective.id, "domain": objective.domain, "level": objective.level])
            label("text", objective.text, into: &out)
            out.close("objective")
        }
    }

    private func resources(_ resources: [Resource], into out: inout XMLLines) {
        list("resources", resources, into: &out) { resource, out in
            out.source(resource.location)
            out.open(
                "resource",
                [
                    "id": resource.id, "kind": resource.kind, "href": href(of: resource),
                    "media-type": resource.mediaType, "for": resource.audience?.rawValue,
                    "print": resource.isPrinted.map(Self.yesNo), "copies-per": resource.copiesPer,
                    "copies": resource.copies.map(String.init), "licence": resource.licence,
                    "xml:lang": resource.language,
                ])
            label("title", resource.title, into: &out)
            if let description = resource.description { richText("description", description, into: &out) }
            if let access = resource.accessibility {
                out.empty(
                    "accessibility",
                    [
                        "alt": access.alt, "captions": access.hasCaptions.map(Self.yesNo),
                        "transcript": access.transcript, "tagged": access.isTagged.map(Self.yesNo),
                    ])
            }
            out.close("resource")
        }
    }

    /// The `href` as seen from the output document's folder.
    private func href(of resource: Resource) -> String? {
        guard let href = resource.href, !resource.isExternal, let base = resource.baseDirectory else {
            return resource.href
        }
        return Self.relativePath(from: documentDirectory, to: PathArithmetic.join(base, href))
    }

    /// The path of a root-relative file as seen from a root-relative folder.
    static func relativePath(from folder: String, to file: String) -> String {
        let from = folder.split(separator: "/").map(String.init)
        let to = file.split(separator: "/").map(String.init)
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        let ups = Array(repeating: "..", count: from.count - shared)
        return (ups + to[shared...]).joined(separator: "/")
    }

    private func caseStudy(_ study: CaseStudy, into out: inout XMLLines) {
        out.source(study.location)
        out.open(
            "case-study",
            [
                "id": study.id, "country": study.country, "city": study.city, "year": study.year,
                "sensitivity": study.sensitivity, "anonymised": study.anonymised, "consent": study.consent,
                "for": study.audience?.rawValue, "xml:lang": study.language,
            ])
        label("title", study.title, into: &out)
        let sections: [(String, RichText?)] = [
            ("summary", study.summary), ("content-warning", study.contentWarning), ("context", study.context),
            ("approach", study.approach), ("impact", study.impact), ("lessons", study.lessons),
        ]
        for (name, text) in sections { if let text { richText(name, text, into: &out) } }
        questions("discussion", study.discussion, into: &out)
        if let notes = study.facilitatorNotes { richText("facilitator-notes", notes, into: &out) }
        list("sources", study.sources, into: &out) { source, out in
            label("source", source.text, attributes: ["href": source.href, "date": source.date], into: &out)
        }
        out.close("case-study")
    }

    // MARK: - Modules and sessions

    private func module(_ module: Module, into out: inout XMLLines) {
        out.source(module.location)
        out.open("module", ["id": module.id, "topic": module.topic])
        label("title", module.title, into: &out)
        if let summary = module.summary { richText("summary", summary, into: &out) }
        objectives(module.objectives, into: &out)
        resources(module.resources, into: &out)
        list("case-studies", module.caseStudies, into: &out) { caseStudy($0, into: &$1) }
        out.open("activities")
        for activity in module.activities { self.activity("activity", activity, into: &out) }
        out.close("activities")
        list("evaluation", module.questions, into: &out) { question($0, into: &$1) }
        out.close("module")
    }

    /// An activity written as an agenda `<item>`, each line indented `depth` levels: how a session takes a module
    /// activity at another length, since `<use>` places activities as they are.
    public func item(_ activity: Activity, depth: Int) -> [String] {
        var out = XMLLines()
        self.activity("item", activity, into: &out)
        let indent = String(repeating: "  ", count: depth)
        return out.lines.map { indent + $0 }
    }

    private func activity(_ element: String, _ activity: Activity, into out: inout XMLLines) {
        func words(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: " ") }
        out.source(activity.location)
        out.open(
            element,
            [
                "id": activity.id, "kind": activity.kind.rawValue, "duration": activity.duration,
                "min": activity.minDuration, "max": activity.maxDuration, "develops": words(activity.develops),
                "assesses": words(activity.assesses), "resources": words(activity.resources),
                "cases": words(activity.cases), "grouping": activity.grouping, "mode": activity.mode,
                "sensitivity": activity.sensitivity, "for": activity.audience?.rawValue,
            ])
        label("title", activity.title, into: &out)
        if let purpose = activity.purpose { richText("purpose", purpose, into: &out) }
        list("steps", activity.steps, into: &out) { step, out in
            label("step", step.text, attributes: ["duration": step.duration], into: &out)
        }
        if let text = activity.participantInstructions { richText("participant-instructions", text, into: &out) }
        if let notes = activity.facilitatorNotes { richText("facilitator-notes", notes, into: &out) }
        questions("debrief", activity.debrief, into: &out)
        for variant in activity.variants {
            richText("variant", variant.text, attributes: ["mode": variant.mode], into: &out)
        }
        if let note = activity.sensitivityNote { richText("sensitivity-note", note, into: &out) }
        out.close(element)
    }

    private func question(_ question: Question, into out: inout XMLLines) {
        out.source(question.location)
        out.open(
            "question",
            [
                "id": question.id, "type": question.type,
                "assesses": question.assesses.isEmpty ? nil : question.assesses.joined(separator: " "),
                "graded": question.isGraded.map { $0 ? "yes" : "no" },
            ])
        label("text", question.text, into: &out)
        let key = question.key ?? AnswerKey()
        for (index, option) in question.options.enumerated() {
            label(
                "option", option, attributes: ["correct": key.correctOptions.contains(index) ? "true" : nil], into: &out
            )
        }
        for answer in key.acceptedAnswers { label("answer", answer, into: &out) }
        for feedback in key.feedback {
            out.source(feedback.location)
            label("feedback", feedback.text, attributes: ["option": feedback.option.map { String($0 + 1) }], into: &out)
        }
        if let explanation = key.explanation { richText("explanation", explanation, into: &out) }
        out.close("question")
    }

    private func session(_ session: Session, modules: [String: Module], into out: inout XMLLines) {
        func words(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: " ") }
        out.source(session.location)
        out.open(
            "session",
            [
                "id": session.id, "number": session.number.map(String.init), "days": String(session.declaredDays),
                "audience": words(session.audiences), "prerequisites": words(session.prerequisites),
                "translations": words(session.translationLanguages),
            ])
        label("title", session.title, into: &out)
        if let summary = session.summary { richText("summary", summary, into: &out) }
        if !session.objectiveRefs.isEmpty { out.empty("objectives-ref", ["refs": words(session.objectiveRefs)]) }
        list("preparation", session.preparation, into: &out) { task, out in
            label("task", task.text, attributes: ["lead-time": task.leadTime, "owner": task.owner], into: &out)
        }
        list("materials", session.materials, into: &out) { material, out in
            label(
                "material", material.text,
                attributes: ["quantity": material.quantity.map(String.init), "per": material.per], into: &out)
        }
        if let room = session.room { richText("room", room, into: &out) }
        for day in session.days { self.day(day, modules: modules, into: &out) }
        list("evaluation", session.evaluation, into: &out) { instrument, out in
            out.source(instrument.location)
            out.open(
                "instrument", ["id": instrument.id, "kind": instrument.kind, "for": instrument.audience?.rawValue])
            label("title", instrument.title, into: &out)
            for question in instrument.questions { self.question(question, into: &out) }
            for module in instrument.questionModules { out.empty("questions-from", ["module": module]) }
            out.close("instrument")
        }
        out.close("session")
    }

    private func day(_ day: Day, modules: [String: Module], into out: inout XMLLines) {
        out.source(day.location)
        out.open("day", ["n": String(day.number), "nominal-start": day.nominalStart, "ends": day.ends])
        if let title = day.title { label("title", title, into: &out) }
        out.open("agenda")
        for entry in AgendaEntries.group(day.agenda, modules: modules) {
            switch entry {
            case .item(let activity): self.activity("item", activity, into: &out)
            case .wholeModule(let module, let first):
                // The activities of one <use> come back with its location: the first one's stands for them all.
                out.source(first)
                out.empty("use", ["module": module])
            case .moduleActivity(let module, let activity, let location):
                out.source(location)
                out.empty("use", ["module": module, "activity": activity])
            }
        }
        out.close("agenda")
        out.close("day")
    }

    private func delivery(_ delivery: Delivery, into out: inout XMLLines) {
        out.source(delivery.location)
        out.open(
            "delivery",
            [
                "id": delivery.id, "programme": delivery.programme, "timezone": delivery.timezone,
                "fictional": delivery.isFictional ? "true" : nil,
                "remote-timezones": delivery.remoteTimezones.isEmpty
                    ? nil : delivery.remoteTimezones.joined(separator: " "),
                "participants": delivery.participants.map(String.init),
                "group-size": delivery.groupSize.map(String.init),
            ])
        if let title = delivery.title { label("title", title, into: &out) }
        if let venue = delivery.venueName {
            out.open("venue", ["capacity": delivery.roomCapacity.map(String.init)])
            label("name", venue, into: &out)
            if let address = delivery.venueAddress { label("address", address, into: &out) }
            out.close("venue")
        }
        for facilitator in delivery.facilitators {
            label("facilitator", facilitator.name, attributes: ["role": facilitator.role], into: &out)
        }
        for run in delivery.runs {
            let attributes: XMLLines.Attributes = ["session": run.session, "date": run.date, "day-start": run.dayStart]
            out.source(run.location)
            guard !run.days.isEmpty else {
                out.empty("session-run", attributes)
                continue
            }
            out.open("session-run", attributes)
            for day in run.days { out.empty("day", ["n": String(day.number), "date": day.date, "start": day.start]) }
            out.close("session-run")
        }
        out.close("delivery")
    }

    // MARK: - Text

    private func questions(_ name: String, _ questions: [Label], into out: inout XMLLines) {
        list(name, questions, into: &out) { label("question", $0, into: &$1) }
    }

    private func label(
        _ name: String, _ label: Label, attributes: XMLLines.Attributes = [:], into out: inout XMLLines
    ) {
        out.line(name, attributes, ["rev": label.revision.map(String.init)]) { out in
            out.escaped(label.text)
            for translation in label.translations {
                out.markup("<t")
                out.attribute("xml:lang", translation.language)
                if let revision = translation.revision { out.attribute("rev", String(revision)) }
                out.markup(">")
                out.escaped(translation.text)
                out.markup("</t>")
            }
        }
    }

    private func richText(
        _ name: String, _ text: RichText, attributes: XMLLines.Attributes = [:], into out: inout XMLLines
    ) {
        out.source(text.location)
        out.open(name, attributes, ["for": text.audience?.rawValue, "rev": text.revision.map(String.init)])
        blocks(text.blocks.isEmpty ? [Block.paragraph([])] : text.blocks, into: &out)
        for translation in text.translations {
            out.open("t", ["xml:lang": translation.language, "rev": translation.revision.map(String.init)])
            blocks(translation.blocks, into: &out)
            out.close("t")
        }
        out.close(name)
    }

    private func blocks(_ blocks: [Block], into out: inout XMLLines) {
        for block in blocks {
            switch block.kind {
            case .paragraph: out.line("p") { Self.inlines(block.inlines, into: &$0) }
            case .quote: out.line("quote") { Self.inlines(block.inlines, into: &$0) }
            case .bullets, .numbers:
                let name = block.kind == .bullets ? "ul" : "ol"
                out.open(name)
                for item in block.items { out.line("li") { Self.inlines(item, into: &$0) } }
                out.close(name)
            }
        }
    }

    private static func inlines(_ inlines: [Inline], into out: inout XMLLines) {
        for inline in inlines {
            switch inline.kind {
            case .text: out.escaped(inline.text ?? "")
            case .emphasis: element("em", inline, into: &out)
            case .strong: element("strong", inline, into: &out)
            case .link: element("link", inline, attribute: ("href", inline.href ?? ""), into: &out)
            case .term: element("term", inline, attribute: ("ref", inline.ref ?? ""), into: &out)
            }
        }
    }

    /// An inline element and its children, within a line.
    private static func element(
        _ name: String, _ inline: Inline, attribute: (String, String)? = nil, into out: inout XMLLines
    ) {
        out.markup("<" + name)
        if let (key, value) = attribute { out.attribute(key, value) }
        out.markup(">")
        inlines(inline.children ?? [], into: &out)
        out.markup("</" + name + ">")
    }

    // MARK: - Helpers

    private func list<Value>(
        _ name: String, _ values: [Value], into out: inout XMLLines, write: (Value, inout XMLLines) -> Void
    ) {
        guard !values.isEmpty else { return }
        out.open(name)
        for value in values { write(value, &out) }
        out.close(name)
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
