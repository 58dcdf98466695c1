import CurriculumExportKit
import CurriculumModel
import Foundation

/// Fills in the view model of `facilitator-guide.mustache` (``GuideViewModel``): everything a facilitator needs
/// to prepare and run the session.
struct FacilitatorGuide {
    let content: SessionContent

    func context(styles: String) -> GuideViewModel {
        let session = content.session
        let curriculum = content.curriculum
        let text = content.text
        let glossaryIDs = Set(content.glossary.map(\.id))
        let rich = content.renderer(glossaryAnchors: glossaryIDs)

        var context = GuideViewModel()
        context.lang = content.languageTag
        context.t = TemplateStrings(text.strings)
        context.styles = styles
        context.programmeTitle = content.label(curriculum.title)
        context.programmeHeading = content.programmeHeading
        context.programmeSubtitle = curriculum.meta.subtitle.map(content.label).nonEmpty
        context.programmeCode = curriculum.meta.code.nonEmpty
        context.sessionTitle = content.label(session.title)
        context.sessionHeading = content.sessionHeading
        context.sessionLabel = content.sessionLabel
        context.pageTitle =
            "\(text["facilitatorGuide"]) — \(content.label(session.title)) — \(content.label(curriculum.title))"
        context.generator = "\(text["madeWith"]) · html \(HTMLPlugin.version)"

        // Cover.
        let delivery = content.delivery
        let prerequisites = session.prerequisites.compactMap { id in
            curriculum.session(id).map { content.label($0.title) }
        }
        context.coverFacts = Fact.list([
            (text["programme"], content.label(curriculum.title)),
            (text["delivery"], delivery?.title.map(content.label)),
            (text["dates"], content.dateRange),
            (text["venue"], content.venue),
            (text["timezone"], content.timetable.timezone.map(text.catalogue.timeZone)),
            (text["length"], lengthText()),
            (text["language"], content.languageName),
            (text["prerequisites"], prerequisites.isEmpty ? nil : prerequisites.joined(separator: "; ")),
        ])
        context.facilitators = (delivery?.facilitators ?? []).map { person in
            GuideViewModel.Person(
                name: content.label(person.name), role: person.role.map { text.term("facilitatorRole", $0) }.nonEmpty)
        }
        context.summaryHtml = rich.html(session.summary).nonEmpty
        context.provenanceHtml = rich.html(curriculum.meta.provenance).nonEmpty
        context.fictionalDelivery = delivery?.isFictional == true
        context.programmeFacts = Fact.list([
            (text["owner"], curriculum.meta.owner.map(content.label)),
            (
                text["funders"],
                curriculum.meta.funders.isEmpty
                    ? nil : curriculum.meta.funders.map(content.label).joined(separator: ", ")
            ),
            (text["licence"], curriculum.meta.licence.map(content.label)),
        ])

        // Objectives and audience.
        context.objectives = session.objectiveRefs.compactMap { id -> GuideViewModel.Objective? in
            guard let objective = content.objectives[id] else { return nil }
            return GuideViewModel.Objective(
                anchor: HTMLEscaping.anchor("objective", id), id: id, text: content.label(objective.text),
                domain: text.term("domain", objective.domain),
                level: objective.level.map { text.term("bloom", $0) }.nonEmpty)
        }
        context.audiences = session.audiences.compactMap { id -> GuideViewModel.Audience? in
            guard let audience = content.audiences[id] else { return nil }
            var size: String? = nil
            switch (audience.groupSizeMin, audience.groupSizeMax) {
            case (let low?, let high?): size = low == high ? "\(low)" : "\(low)–\(high)"
            case (let low?, nil): size = "\(low)+"
            case (nil, let high?): size = "≤ \(high)"
            default: break
            }
            return GuideViewModel.Audience(
                name: content.label(audience.name),
                role: text.term("role", audience.role),
                descriptionHtml: rich.html(audience.description).nonEmpty,
                facts: Fact.list([
                    (text["groupSize"], size),
                    (
                        text["sectors"],
                        audience.sectors.isEmpty ? nil : audience.sectors.map(content.label).joined(separator: ", ")
                    ),
                    (text["background"], audience.background.map(content.label)),
                    (text["priorKnowledge"], audience.priorKnowledge.map(content.label)),
                    (text["needs"], audience.needs.map(content.label)),
                ]))
        }

        // Preparation, room, materials and printing.
        let firstDate = content.timetable.days.first?.date
        context.preparation = session.preparation.map { task in
            var due: String? = nil
            if let lead = task.leadTime, let minutes = ISODuration(lead)?.minutes, let firstDate {
                let days = (minutes + 24 * 60 - 1) / (24 * 60)
                due = CalendarDate.adding(days: -days, to: firstDate).map(text.date)
            }
            return GuideViewModel.Task(
                task: content.label(task.text), lang: content.fallbackLanguage(task.text),
                when: task.leadTime.flatMap(text.leadTime).nonEmpty,
                due: due.nonEmpty, owner: task.owner.map(text.catalogue.role).nonEmpty)
        }
        context.hasDueDates = firstDate != nil && session.preparation.contains { $0.leadTime != nil }
        context.roomHtml = rich.html(session.room).nonEmpty
        context.materials = session.materials.map { material in
            let count = material.quantity ?? 1
            let (total, per) = content.quantity(count, per: material.per)
            return GuideViewModel.Material(
                text: content.label(material.text), lang: content.fallbackLanguage(material.text),
                quantity: material.quantity.map { _ in per.isEmpty ? "\(count)" : per } ?? "—",
                total: total.map(String.init) ?? "—")
        }
        let printed = content.usedResources.filter { $0.isPrinted == true }
        context.printList = printed.map { resource in
            let count = resource.copies ?? 1
            let (total, per) =
                resource.copiesPer == nil && resource.copies == nil
                ? (nil, "") : content.quantity(count, per: resource.copiesPer)
            return GuideViewModel.PrintItem(
                resourceEntry(resource), per: (per.isEmpty ? resource.copies.map(String.init) : per).nonEmpty,
                total: total.map(String.init) ?? "—")
        }
        let counted = { (count: Int?, source: String?) -> String? in
            count.map { "\($0)" + (source.map { " (\($0))" } ?? "") }
        }
        context.headcounts = Fact.list([
            (text["role.participant"], counted(content.participantCount, content.participantSource)),
            (text["groups"], content.groupCount.map(String.init)),
            (text["facilitators"], counted(content.facilitatorCount, content.facilitatorSource)),
        ])
        let needsGroups =
            content.groupCount == nil
            && (printed.contains { $0.copiesPer == "group" } || session.materials.contains { $0.per == "group" })
        context.groupNote = needsGroups ? text["perGroupNote"] : nil
        context.resources = content.usedResources.map { resource in
            let users = session.allItems.filter { $0.resources.contains(resource.id) }.map { content.label($0.title) }
            return GuideViewModel.UsedResource(
                resourceEntry(resource), usedIn: uniqued(users).joined(separator: "; "),
                descriptionHtml: rich.html(resource.description).nonEmpty)
        }

        // Agenda, timelines and activity pages.
        var days: [GuideViewModel.Day] = []
        var activities: [GuideViewModel.ActivityPage] = []
        for day in content.timetable.days {
            let titles = day.slots.map { content.label($0.item.title) }
            let numbers = day.slots.indices.map { $0 + 1 }
            var slots: [GuideViewModel.Slot] = []
            for (index, slot) in day.slots.enumerated() {
                let item = slot.item
                let anchor = "item-d\(day.day.number)-\(index + 1)"
                let page = hasPage(item)
                let category = TimelineSVG.Category(item.kind)
                slots.append(
                    GuideViewModel.Slot(
                        number: numbers[index], start: "\(slot.start)", end: "\(slot.end)",
                        title: titles[index], kind: text.term("kind", item.kind.rawValue),
                        duration: item.minutes.map(text.duration) ?? "—",
                        anchor: page ? anchor : nil, category: category.rawValue, fill: category.fill,
                        module: item.module.flatMap { curriculum.module($0) }.map { content.label($0.title) }.nonEmpty,
                        restricted: restriction(item.audience).nonEmpty))
                if page {
                    activities.append(
                        activity(item, slot: slot, day: day, number: numbers[index], anchor: anchor, rich: rich))
                }
            }
            let svg = TimelineSVG(day: day, numbers: numbers, titles: titles, text: text).render()
            days.append(
                GuideViewModel.Day(
                    anchor: "day-\(day.day.number)", heading: content.dayHeading(day),
                    title: day.day.title.map(content.label).nonEmpty,
                    span: "\(day.start)–\(day.end) (\(text.duration(day.end.minutes - day.start.minutes)))",
                    timelineSvg: svg.nonEmpty,
                    legend: TimelineSVG.categories(in: day).map {
                        GuideViewModel.LegendItem(label: text.term("category", $0.rawValue), fill: $0.fill)
                    },
                    slots: slots))
        }
        context.days = days
        context.activities = activities
        context.timesNote =
            content.timetable.timezone.map { "\(text["timesLocal"]) \(text.catalogue.timeZone($0))." }
            ?? text["nominalTimes"]

        // Case studies in full, in order of first use.
        var caseIDs: [String] = []
        for item in session.allItems {
            for id in item.cases where content.caseStudies[id] != nil && !caseIDs.contains(id) { caseIDs.append(id) }
        }
        context.caseStudies = caseIDs.compactMap { id -> GuideViewModel.CaseStudyPage? in
            guard let study = content.caseStudies[id] else { return nil }
            let users = session.allItems.filter { $0.cases.contains(id) }.map { content.label($0.title) }
            return GuideViewModel.CaseStudyPage(
                anchor: HTMLEscaping.anchor("case", id), id: id, title: content.label(study.title),
                restricted: restriction(study.audience).nonEmpty,
                facts: Fact.list([
                    (text["country"], study.country), (text["city"], study.city), (text["year"], study.year),
                    (text["sensitivity"], study.sensitivity.map { text.term("level", $0) }),
                    (text["anonymised"], study.anonymised.map { text.term("anonymised", $0) }),
                    (text["consent"], study.consent.map { text.term("consent", $0) }),
                    (text["usedIn"], uniqued(users).joined(separator: "; ")),
                ]),
                summaryHtml: rich.html(study.summary).nonEmpty,
                contentWarningHtml: rich.html(study.contentWarning).nonEmpty,
                contextHtml: rich.html(study.context).nonEmpty,
                approachHtml: rich.html(study.approach).nonEmpty,
                impactHtml: rich.html(study.impact).nonEmpty,
                lessonsHtml: rich.html(study.lessons).nonEmpty,
                discussion: study.discussion.map { TextItem(text: content.label($0)) },
                facilitatorNotesHtml: rich.html(study.facilitatorNotes).nonEmpty,
                sources: study.sources.map { source in
                    GuideViewModel.Source(
                        text: content.label(source.text), href: LinkPolicy.safeExternalHref(source.href).nonEmpty,
                        date: source.date.nonEmpty)
                })
        }

        // Evaluation plan.
        context.instruments = session.evaluation.map { instrument in
            let questions = content.questions(of: instrument)
            return GuideViewModel.InstrumentPlan(
                anchor: HTMLEscaping.anchor("instrument", instrument.id), title: content.label(instrument.title),
                kind: text.term("instrument", instrument.kind),
                restricted: restriction(instrument.audience).nonEmpty,
                questions: questions.enumerated().map { index, question in
                    GuideViewModel.QuestionPlan(
                        number: index + 1, id: question.id, text: content.label(question.text),
                        type: text.term("qtype", question.type),
                        options: question.options.enumerated().map { position, option in
                            GuideViewModel.OptionPlan(
                                text: content.label(option),
                                isCorrect: question.key?.correctOptions.contains(position) == true,
                                feedback: question.key?.feedback.first { $0.option == position }.map {
                                    content.label($0.text)
                                }.nonEmpty)
                        },
                        acceptedAnswers: Optional(
                            (question.key?.acceptedAnswers ?? []).map(content.label).joined(separator: "; ")
                        ).nonEmpty,
                        questionFeedback: question.key?.feedback.first { $0.option == nil }.map {
                            content.label($0.text)
                        }.nonEmpty,
                        explanationHtml: rich.html(question.key?.explanation).nonEmpty,
                        lacksKey: question.needsKey && question.key?.namesAnAnswer != true,
                        assesses: question.assesses.map { id in
                            let objective = content.objectives[id].map { content.label($0.text) } ?? id
                            guard let position = session.objectiveRefs.firstIndex(of: id) else {
                                return GuideViewModel.AssessedObjective(
                                    id: id, text: objective, full: objective, anchor: nil)
                            }
                            return GuideViewModel.AssessedObjective(
                                id: id, text: "\(text["objectiveNumber"]) \(position + 1)", full: objective,
                                anchor: HTMLEscaping.anchor("objective", id))
                        })
                })
        }
        context.glossary = glossaryEntries(rich: rich)

        // The table of contents lists the sections that have something in them.
        var toc: [Link] = []
        func section(_ anchor: String, _ title: String, _ present: Bool) {
            if present { toc.append(Link(anchor: anchor, title: title)) }
        }
        section("overview", text["overview"], session.summary != nil || !context.programmeFacts.isEmpty)
        section("objectives", text["objectives"], !context.objectives.isEmpty)
        section("audience", text["audience"], !context.audiences.isEmpty)
        section("preparation", text["preparation"], !session.preparation.isEmpty || session.room != nil)
        section("materials", text["materials"], !session.materials.isEmpty || !content.usedResources.isEmpty)
        section("agenda", text["agenda"], true)
        section("activities", text["activities"], !activities.isEmpty)
        section("case-studies", text["caseStudies"], !caseIDs.isEmpty)
        section("evaluation", text["evaluationPlan"], !session.evaluation.isEmpty)
        section("glossary", text["glossary"], !content.glossary.isEmpty)
        context.toc = toc
        context.hasOverview = toc.contains { $0.anchor == "overview" }
        context.hasPreparation = !session.preparation.isEmpty || session.room != nil
        context.hasMaterials = !session.materials.isEmpty || !content.usedResources.isEmpty
        return context
    }

    // MARK: - Parts

    /// Whether an agenda item gets its own page: every item except pauses with nothing to say.
    private func hasPage(_ item: Activity) -> Bool {
        guard item.kind.isPause else { return true }
        return item.purpose != nil || item.facilitatorNotes != nil || item.participantInstructions != nil
            || !item.steps.isEmpty || item.sensitivityNote != nil || !item.resources.isEmpty || !item.cases.isEmpty
    }

    private func activity(
        _ item: Activity, slot: Timetable.Slot, day: Timetable.DaySchedule, number: Int, anchor: String,
        rich: RichTextHTML
    ) -> GuideViewModel.ActivityPage {
        let text = content.text
        let curriculum = content.curriculum
        let objectiveLinks = { (ids: [String]) -> [GuideViewModel.ObjectiveLink] in
            ids.map { id in
                GuideViewModel.ObjectiveLink(
                    id: id, text: content.objectives[id].map { content.label($0.text) } ?? id,
                    anchor: content.session.objectiveRefs.contains(id) ? HTMLEscaping.anchor("objective", id) : nil)
            }
        }
        var range: String? = nil
        switch (item.minDuration.flatMap { ISODuration($0) }, item.maxDuration.flatMap { ISODuration($0) }) {
        case (let low?, let high?): range = "\(text.duration(low.minutes)) – \(text.duration(high.minutes))"
        case (let low?, nil): range = "≥ \(text.duration(low.minutes))"
        case (nil, let high?): range = "≤ \(text.duration(high.minutes))"
        default: break
        }
        let module = item.module.flatMap { curriculum.module($0) }
        return GuideViewModel.ActivityPage(
            anchor: anchor, id: item.id, number: number, dayNumber: day.day.number,
            title: content.label(item.title), time: "\(slot.start)–\(slot.end)",
            restricted: restriction(item.audience).nonEmpty,
            category: TimelineSVG.Category(item.kind).rawValue,
            facts: Fact.list([
                (text["day"], "\(day.day.number)"),
                (text["duration"], item.minutes.map { text.duration($0) + (range.map { " (\($0))" } ?? "") }),
                (text["kind"], text.term("kind", item.kind.rawValue)),
                (text["grouping"], item.grouping.map { text.term("grouping", $0) }),
                (text["mode"], item.mode.map { text.term("mode", $0) }),
                (text["module"], module.map { content.label($0.title) }),
                (text["sensitivity"], item.sensitivity.map { text.term("level", $0) }),
                (text["for"], restriction(item.audience)),
            ]),
            develops: objectiveLinks(item.develops),
            assesses: objectiveLinks(item.assesses),
            purposeHtml: rich.html(item.purpose).nonEmpty,
            steps: item.steps.map { step in
                GuideViewModel.Step(
                    text: content.label(step.text), lang: content.fallbackLanguage(step.text),
                    duration: step.duration.flatMap { ISODuration($0) }.map { text.duration($0.minutes) }.nonEmpty)
            },
            facilitatorNotesHtml: rich.html(item.facilitatorNotes).nonEmpty,
            participantInstructionsHtml: rich.html(item.participantInstructions).nonEmpty,
            participantInstructionsRestricted: restriction(item.participantInstructions?.audience).nonEmpty,
            debrief: item.debrief.map {
                GuideViewModel.Line(text: content.label($0), lang: content.fallbackLanguage($0))
            },
            variants: item.variants.map { variant in
                GuideViewModel.Variant(mode: text.term("mode", variant.mode), html: rich.html(variant.text) ?? "")
            },
            sensitivityNoteHtml: rich.html(item.sensitivityNote).nonEmpty,
            resources: item.resources.compactMap { content.resources[$0] }.map(resourceEntry),
            cases: item.cases.compactMap { id -> Link? in
                guard let study = content.caseStudies[id] else { return nil }
                return Link(anchor: HTMLEscaping.anchor("case", id), title: content.label(study.title))
            })
    }

    /// A resource as the guide lists it: title, kind, where it is, and who may see it.
    private func resourceEntry(_ resource: Resource) -> GuideViewModel.ResourceEntry {
        let text = content.text
        var href: String? = content.copiedPaths[resource.id]
        if href == nil && resource.isExternal { href = LinkPolicy.safeExternalHref(resource.href) }
        var note: [String] = []
        if let restricted = restriction(resource.audience) { note.append(restricted) }
        if content.missingFiles.contains(resource.id) { note.append(text["fileMissing"]) }
        return GuideViewModel.ResourceEntry(
            id: resource.id, title: content.label(resource.title),
            kind: text.term("resourceKind", resource.kind), href: href.nonEmpty,
            file: href.map { $0.hasPrefix("handouts/") || $0.hasPrefix("facilitator/") ? $0 : text["link"] }.nonEmpty,
            note: Optional(note.joined(separator: "; ")).nonEmpty)
    }

    private func glossaryEntries(rich: RichTextHTML) -> [GlossaryItem] {
        GlossaryList.sorted(content).map { entry in
            GlossaryItem(
                anchor: HTMLEscaping.anchor("glossary", entry.id), term: content.label(entry.term),
                definitionHtml: rich.html(entry.definition) ?? "")
        }
    }

    /// "facilitators only" or "organisers only" for restricted content, `nil` for content everyone sees.
    private func restriction(_ visibility: Visibility?) -> String? {
        switch visibility {
        case .facilitator: content.text["facilitatorsOnly"]
        case .organiser: content.text["organisersOnly"]
        default: nil
        }
    }

    private func lengthText() -> String? {
        let days = content.session.days.count
        guard days > 0 else { return nil }
        let unit = content.text.counted(days, "day")
        return "\(unit), \(content.text.duration(content.totalMinutes))"
    }

    private func uniqued(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// The glossary in alphabetical order of the displayed term, compared without case and accents so the order is
/// the same on every machine.
enum GlossaryList {
    static func sorted(_ content: SessionContent) -> [GlossaryEntry] {
        content.glossary.sorted { left, right in
            let a = key(content.label(left.term))
            let b = key(content.label(right.term))
            return a != b ? a < b : left.id < right.id
        }
    }

    private static func key(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
