import CurriculumModel
import CurriculumXML

/// Builds the model from parsed documents, following includes and placing module activities on agendas.
///
/// The builder is lenient: a document that failed schema validation still yields as much model as can be read,
/// so that one run reports the structural problems and the semantic ones together.
struct ModelBuilder {
    var includes: IncludeResolver
    var diagnostics: DiagnosticCollector

    // MARK: - Programme

    mutating func programme(_ element: XMLNode, file: String) -> Curriculum {
        let meta = element.element(named: "meta")
        let languages = meta?.element(named: "languages")
        var curriculum = Curriculum(
            id: element[attribute: "id"] ?? "",
            title: TextReader.label(meta?.element(named: "title")) ?? Label(""),
            language: element[attribute: "xml:lang"] ?? "",
            formatVersion: element[attribute: "format-version"] ?? "",
            revision: element[attribute: "revision"].flatMap { Int($0) },
            status: element[attribute: "status"],
            meta: ProgrammeMeta(
                subtitle: TextReader.label(meta?.element(named: "subtitle")),
                code: meta?.element(named: "code").map { TextReader.collapsedText(of: $0) },
                summary: TextReader.richText(meta?.element(named: "summary"), file: file),
                provenance: TextReader.richText(meta?.element(named: "provenance"), file: file),
                owner: TextReader.label(meta?.element(named: "owner")),
                funders: meta?.elements(named: "funder").compactMap { TextReader.label($0) } ?? [],
                licence: TextReader.label(meta?.element(named: "licence")),
                keywords: meta?.element(named: "keywords")?.elements(named: "keyword").compactMap {
                    TextReader.label($0)
                }
                    ?? [],
                translationLanguages: words(languages?[attribute: "translations"]),
                dateFrom: meta?.element(named: "dates")?[attribute: "from"],
                dateTo: meta?.element(named: "dates")?[attribute: "to"]),
            location: location(element, file))
        curriculum.audiences =
            element.element(named: "audiences")?.elements(named: "audience").map { audience($0, file: file) } ?? []
        curriculum.objectives = objectives(element.element(named: "objectives"), file: file)
        curriculum.resources = resources(element.element(named: "resources"), file: file)
        curriculum.caseStudies = caseStudies(element.element(named: "case-studies"), file: file)
        curriculum.glossary =
            element.element(named: "glossary")?.elements(named: "entry").map { entry in
                GlossaryEntry(
                    id: entry[attribute: "id"] ?? "", term: TextReader.label(entry.element(named: "term")) ?? Label(""),
                    definition: TextReader.richText(entry.element(named: "definition"), file: file)
                        ?? RichText(blocks: []),
                    location: location(entry, file))
            } ?? []
        curriculum.modules = collect(element.element(named: "modules"), expect: "module", file: file) {
            builder, module, moduleFile in
            builder.module(module, file: moduleFile)
        }
        let modulesByID = Dictionary(curriculum.modules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        curriculum.sessions = collect(element.element(named: "sessions"), expect: "session", file: file) {
            builder, session, sessionFile in
            builder.session(session, file: sessionFile, modules: modulesByID)
        }
        curriculum.deliveries = collect(element.element(named: "deliveries"), expect: "delivery", file: file) {
            builder, delivery, deliveryFile in
            builder.delivery(delivery, file: deliveryFile)
        }
        return curriculum
    }

    /// Builds the children of a container that may mix inline definitions and `<include>`s.
    private mutating func collect<Value>(
        _ container: XMLNode?, expect: String, file: String,
        build: (inout ModelBuilder, XMLNode, String) -> Value
    ) -> [Value] {
        guard let container else { return [] }
        var values: [Value] = []
        for child in container.elements {
            if child.name == "include" {
                let declared = child[attribute: "expect"] ?? expect
                guard declared == expect else {
                    diagnostics.report(
                        IncludeWrongRoot.self,
                        "an include inside <\(container.name)> must have expect=\"\(expect)\", not \"\(declared)\"",
                        at: location(child, file))
                    continue
                }
                guard let document = includes.resolve(child, from: file, diagnostics: &diagnostics),
                    let root = document.root
                else { continue }
                guard root.name == declared else {
                    diagnostics.report(
                        IncludeWrongRoot.self,
                        "include of \"\(child[attribute: "href"] ?? "")\" expects <\(declared)> but the file's root is <\(root.name)>",
                        at: location(child, file))
                    includes.finish(document)
                    continue
                }
                values.append(build(&self, root, document.path))
                includes.finish(document)
            } else if child.name == expect {
                values.append(build(&self, child, file))
            }
        }
        return values
    }

    // MARK: - Parts

    func audience(_ element: XMLNode, file: String) -> Audience {
        let profile = element.element(named: "profile")
        let size = element.element(named: "group-size")
        return Audience(
            id: element[attribute: "id"] ?? "", role: element[attribute: "role"] ?? "",
            name: TextReader.label(element.element(named: "name")) ?? Label(""),
            description: TextReader.richText(element.element(named: "description"), file: file),
            sectors: profile?.elements(named: "sector").compactMap { TextReader.label($0) } ?? [],
            background: TextReader.label(profile?.element(named: "background")),
            priorKnowledge: TextReader.label(profile?.element(named: "prior-knowledge")),
            needs: TextReader.label(profile?.element(named: "needs")),
            groupSizeMin: size?[attribute: "min"].flatMap { Int($0) },
            groupSizeMax: size?[attribute: "max"].flatMap { Int($0) },
            location: location(element, file))
    }

    func objectives(_ container: XMLNode?, file: String) -> [Objective] {
        container?.elements(named: "objective").map {
            Objective(
                id: $0[attribute: "id"] ?? "", domain: $0[attribute: "domain"] ?? "", level: $0[attribute: "level"],
                text: TextReader.label($0.element(named: "text")) ?? Label(""), location: location($0, file))
        } ?? []
    }

    func resources(_ container: XMLNode?, file: String) -> [Resource] {
        container?.elements(named: "resource").map { element in
            let access = element.element(named: "accessibility")
            return Resource(
                id: element[attribute: "id"] ?? "", kind: element[attribute: "kind"] ?? "",
                href: element[attribute: "href"], baseDirectory: PathArithmetic.directory(of: file),
                mediaType: element[attribute: "media-type"],
                audience: element[attribute: "for"].flatMap(Visibility.init(rawValue:)),
                isPrinted: element[attribute: "print"].map { $0 == "yes" }, copiesPer: element[attribute: "copies-per"],
                copies: element[attribute: "copies"].flatMap { Int($0) }, licence: element[attribute: "licence"],
                language: element[attribute: "xml:lang"],
                title: TextReader.label(element.element(named: "title")) ?? Label(""),
                description: TextReader.richText(element.element(named: "description"), file: file),
                accessibility: access.map {
                    Accessibility(
                        alt: $0[attribute: "alt"], hasCaptions: $0[attribute: "captions"].map { $0 == "yes" },
                        transcript: $0[attribute: "transcript"], isTagged: $0[attribute: "tagged"].map { $0 == "yes" })
                },
                location: location(element, file))
        } ?? []
    }

    mutating func caseStudies(_ container: XMLNode?, file: String) -> [CaseStudy] {
        collect(container, expect: "case-study", file: file) { builder, element, caseFile in
            builder.caseStudy(element, file: caseFile)
        }
    }

    func caseStudy(_ element: XMLNode, file: String) -> CaseStudy {
        func rich(_ name: String) -> RichText? { TextReader.richText(element.element(named: name), file: file) }
        return CaseStudy(
            id: element[attribute: "id"] ?? "", country: element[attribute: "country"],
            city: element[attribute: "city"],
            year: element[attribute: "year"], sensitivity: element[attribute: "sensitivity"],
            anonymised: element[attribute: "anonymised"], consent: element[attribute: "consent"],
            audience: element[attribute: "for"].flatMap(Visibility.init(rawValue:)),
            language: element[attribute: "xml:lang"],
            title: TextReader.label(element.element(named: "title")) ?? Label(""), summary: rich("summary"),
            contentWarning: rich("content-warning"), context: rich("context"), approach: rich("approach"),
            impact: rich("impact"), lessons: rich("lessons"),
            discussion: element.element(named: "discussion")?.elements(named: "question").compactMap(TextReader.label)
                ?? [],
            facilitatorNotes: rich("facilitator-notes"),
            sources: element.element(named: "sources")?.elements(named: "source").map {
                CaseSource(
                    href: $0[attribute: "href"], date: $0[attribute: "date"], text: TextReader.label($0) ?? Label(""))
            } ?? [],
            location: location(element, file))
    }

    mutating func module(_ element: XMLNode, file: String) -> Module {
        Module(
            id: element[attribute: "id"] ?? "", topic: element[attribute: "topic"],
            title: TextReader.label(element.element(named: "title")) ?? Label(""),
            summary: TextReader.richText(element.element(named: "summary"), file: file),
            objectives: objectives(element.element(named: "objectives"), file: file),
            resources: resources(element.element(named: "resources"), file: file),
            caseStudies: caseStudies(element.element(named: "case-studies"), file: file),
            activities: element.element(named: "activities")?.elements(named: "activity").map {
                activity($0, file: file)
            } ?? [],
            questions: element.element(named: "evaluation")?.elements(named: "question").map {
                question($0, file: file)
            } ?? [],
            location: location(element, file))
    }

    func activity(_ element: XMLNode, file: String) -> Activity {
        func rich(_ name: String) -> RichText? { TextReader.richText(element.element(named: name), file: file) }
        return Activity(
            id: element[attribute: "id"] ?? "", kind: ActivityKind(rawValue: element[attribute: "kind"] ?? ""),
            title: TextReader.label(element.element(named: "title")) ?? Label(""),
            duration: element[attribute: "duration"],
            minDuration: element[attribute: "min"], maxDuration: element[attribute: "max"],
            develops: words(element[attribute: "develops"]), assesses: words(element[attribute: "assesses"]),
            resources: words(element[attribute: "resources"]), cases: words(element[attribute: "cases"]),
            grouping: element[attribute: "grouping"], mode: element[attribute: "mode"],
            sensitivity: element[attribute: "sensitivity"],
            audience: element[attribute: "for"].flatMap(Visibility.init(rawValue:)), purpose: rich("purpose"),
            steps: element.element(named: "steps")?.elements(named: "step").map {
                Step(text: TextReader.label($0) ?? Label(""), duration: $0[attribute: "duration"])
            } ?? [],
            participantInstructions: rich("participant-instructions"), facilitatorNotes: rich("facilitator-notes"),
            debrief: element.element(named: "debrief")?.elements(named: "question").compactMap(TextReader.label) ?? [],
            variants: element.elements(named: "variant").map {
                Variant(
                    mode: $0[attribute: "mode"] ?? "", text: TextReader.richText($0, file: file) ?? RichText(blocks: [])
                )
            },
            sensitivityNote: rich("sensitivity-note"), location: location(element, file))
    }

    func question(_ element: XMLNode, file: String) -> Question {
        let options = Array(element.elements(named: "option"))
        let correct = options.indices.filter { ["true", "1"].contains(options[$0][attribute: "correct"] ?? "") }
        let key = AnswerKey(
            correctOptions: correct,
            acceptedAnswers: element.elements(named: "answer").compactMap(TextReader.label),
            feedback: element.elements(named: "feedback").map { feedback in
                AnswerKey.Feedback(
                    option: feedback[attribute: "option"].flatMap { Int($0) }.map { $0 - 1 },
                    text: TextReader.label(feedback) ?? Label(""), location: location(feedback, file))
            },
            explanation: TextReader.richText(element.element(named: "explanation"), file: file))
        let hasKey = key.namesAnAnswer || !key.feedback.isEmpty || key.explanation != nil
        return Question(
            id: element[attribute: "id"] ?? "", type: element[attribute: "type"] ?? "",
            assesses: words(element[attribute: "assesses"]),
            text: TextReader.label(element.element(named: "text")) ?? Label(""),
            options: options.compactMap(TextReader.label),
            isGraded: element[attribute: "graded"].map { $0 == "yes" }, key: hasKey ? key : nil,
            location: location(element, file))
    }

    mutating func session(_ element: XMLNode, file: String, modules: [String: Module]) -> Session {
        Session(
            id: element[attribute: "id"] ?? "", number: element[attribute: "number"].flatMap { Int($0) },
            declaredDays: element[attribute: "days"].flatMap { Int($0) } ?? 0,
            audiences: words(element[attribute: "audience"]), prerequisites: words(element[attribute: "prerequisites"]),
            translationLanguages: words(element[attribute: "translations"]),
            title: TextReader.label(element.element(named: "title")) ?? Label(""),
            summary: TextReader.richText(element.element(named: "summary"), file: file),
            objectiveRefs: words(element.element(named: "objectives-ref")?[attribute: "refs"]),
            preparation: element.element(named: "preparation")?.elements(named: "task").map {
                PreparationTask(
                    text: TextReader.label($0) ?? Label(""), leadTime: $0[attribute: "lead-time"],
                    owner: $0[attribute: "owner"])
            } ?? [],
            materials: element.element(named: "materials")?.elements(named: "material").map {
                Material(
                    text: TextReader.label($0) ?? Label(""), quantity: $0[attribute: "quantity"].flatMap { Int($0) },
                    per: $0[attribute: "per"])
            } ?? [],
            room: TextReader.richText(element.element(named: "room"), file: file),
            days: element.elements(named: "day").map { day($0, file: file, modules: modules) },
            evaluation: element.element(named: "evaluation")?.elements(named: "instrument").map {
                instrument($0, file: file)
            } ?? [],
            location: location(element, file))
    }

    mutating func day(_ element: XMLNode, file: String, modules: [String: Module]) -> Day {
        var agenda: [Activity] = []
        let entries = element.element(named: "agenda").map { Array($0.elements) } ?? []
        for entry in entries {
            switch entry.name {
            case "item": agenda.append(activity(entry, file: file))
            case "use": agenda.append(contentsOf: place(entry, file: file, modules: modules))
            default: continue
            }
        }
        return Day(
            number: element[attribute: "n"].flatMap { Int($0) } ?? 0, nominalStart: element[attribute: "nominal-start"],
            ends: element[attribute: "ends"], title: TextReader.label(element.element(named: "title")), agenda: agenda,
            location: location(element, file))
    }

    /// The module activities a `<use>` places, each marked with its module and the `<use>`'s location.
    private mutating func place(_ use: XMLNode, file: String, modules: [String: Module]) -> [Activity] {
        let moduleID = use[attribute: "module"] ?? ""
        let at = location(use, file)
        guard let module = modules[moduleID] else {
            let suggestion = Suggestions.closest(to: moduleID, among: Array(modules.keys))
            diagnostics.report(
                DanglingReference.self, "module \"\(moduleID)\" is not defined", at: at,
                hint: suggestion.map { "Did you mean \"\($0)\"?" }
                    ?? "Define the module or include its file under <modules>.")
            return []
        }
        var chosen = module.activities
        if let activityID = use[attribute: "activity"] {
            guard let activity = module.activities.first(where: { $0.id == activityID }) else {
                let suggestion = Suggestions.closest(to: activityID, among: module.activities.map(\.id))
                diagnostics.report(
                    ActivityNotInModule.self, "module \"\(moduleID)\" has no activity \"\(activityID)\"", at: at,
                    hint: suggestion.map { "Did you mean \"\($0)\"?" }
                        ?? "Its activities are: \(module.activities.map(\.id).joined(separator: ", ")).")
                return []
            }
            chosen = [activity]
        }
        return chosen.map { $0.placed(fromModule: module.id, at: at) }
    }

    func instrument(_ element: XMLNode, file: String) -> Instrument {
        Instrument(
            id: element[attribute: "id"] ?? "", kind: element[attribute: "kind"] ?? "",
            audience: element[attribute: "for"].flatMap(Visibility.init(rawValue:)),
            title: TextReader.label(element.element(named: "title")) ?? Label(""),
            questions: element.elements(named: "question").map { question($0, file: file) },
            questionModules: element.elements(named: "questions-from").compactMap { $0[attribute: "module"] },
            location: location(element, file))
    }

    func delivery(_ element: XMLNode, file: String) -> Delivery {
        let venue = element.element(named: "venue")
        return Delivery(
            id: element[attribute: "id"] ?? "", programme: element[attribute: "programme"] ?? "",
            timezone: element[attribute: "timezone"] ?? "", title: TextReader.label(element.element(named: "title")),
            venueName: TextReader.label(venue?.element(named: "name")),
            venueAddress: TextReader.label(venue?.element(named: "address")),
            facilitators: element.elements(named: "facilitator").map {
                Facilitator(name: TextReader.label($0) ?? Label(""), role: $0[attribute: "role"])
            },
            runs: element.elements(named: "session-run").map { run in
                SessionRun(
                    session: run[attribute: "session"] ?? "", date: run[attribute: "date"] ?? "",
                    dayStart: run[attribute: "day-start"],
                    days: run.elements(named: "day").map {
                        DayOverride(
                            number: $0[attribute: "n"].flatMap { Int($0) } ?? 0, date: $0[attribute: "date"],
                            start: $0[attribute: "start"])
                    },
                    location: location(run, file))
            },
            isFictional: ["true", "1"].contains(element[attribute: "fictional"] ?? ""),
            remoteTimezones: words(element[attribute: "remote-timezones"]),
            participants: element[attribute: "participants"].flatMap { Int($0) },
            groupSize: element[attribute: "group-size"].flatMap { Int($0) },
            roomCapacity: venue?[attribute: "capacity"].flatMap { Int($0) },
            location: location(element, file))
    }

    // MARK: - Helpers

    func location(_ element: XMLNode, _ file: String) -> SourceLocation {
        SourceLocation(path: file, line: element.position.line, column: element.position.column)
    }

    /// A list attribute's words. The separators are ASCII, so the bytes are split without reading characters,
    /// and a list of one word, the usual case, is returned without splitting.
    func words(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        let isSeparator = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if !value.utf8.contains(where: isSeparator) { return [value] }
        return value.utf8.split(whereSeparator: isSeparator).map { String(decoding: $0, as: UTF8.self) }
    }
}
