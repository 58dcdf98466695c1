import CurriculumExportKit
import CurriculumModel

/// Fills in the view model of `participant-pack.mustache` (``PackViewModel``) from an explicit allow-list of
/// participant-facing fields.
///
/// Nothing here starts from the facilitator guide or filters it: each value is picked on purpose, and content
/// whose `for=` excludes participants is never read (``ParticipantView`` decides).
struct ParticipantPack {
    let content: SessionContent

    func context(styles: String) -> PackViewModel {
        let session = content.session
        let curriculum = content.curriculum
        let text = content.text

        // Glossary entries participants may read; terms in participant text link to them.
        let glossary = GlossaryList.sorted(content).filter {
            ParticipantView.sees($0.definition, as: .glossaryDefinition)
        }
        let rich = content.renderer(glossaryAnchors: Set(glossary.map(\.id)))
        let visibleText = { (value: RichText?, field: ParticipantView.Field) -> String? in
            guard ParticipantView.sees(value, as: field) else { return nil }
            return rich.html(value).nonEmpty
        }

        var context = PackViewModel()
        context.lang = content.languageTag
        context.t = TemplateStrings(text.strings)
        context.styles = styles
        context.programmeTitle = content.label(curriculum.title)
        context.programmeHeading = content.programmeHeading
        context.sessionHeading = content.sessionHeading
        context.programmeSubtitle = curriculum.meta.subtitle.map(content.label).nonEmpty
        context.sessionTitle = content.label(session.title)
        context.sessionLabel = content.sessionLabel
        context.pageTitle =
            "\(text["participantPack"]) — \(content.label(session.title)) — \(content.label(curriculum.title))"
        context.generator = "\(text["madeWith"]) · html \(HTMLPlugin.version)"
        context.coverFacts = Fact.list([
            (text["programme"], content.label(curriculum.title)),
            (text["dates"], content.dateRange),
            (text["venue"], content.venue),
            (text["timezone"], content.timetable.timezone.map(text.catalogue.timeZone)),
        ])
        context.summaryHtml = visibleText(session.summary, .sessionSummary)
        context.provenanceHtml = visibleText(curriculum.meta.provenance, .provenance)
        context.fictionalDelivery = content.delivery?.isFictional == true

        // Which items participants see, with an anchor when they have something to read.
        var days: [PackViewModel.Day] = []
        var activities: [PackViewModel.ActivityPage] = []
        var handoutIDs: [String] = []
        var caseIDs: [String] = []
        for day in content.timetable.days {
            var slots: [PackViewModel.Slot] = []
            for (index, slot) in day.slots.enumerated() where ParticipantView.sees(slot.item) {
                let item = slot.item
                let purpose = visibleText(item.purpose, .purpose)
                let instructions = visibleText(item.participantInstructions, .participantInstructions)
                let handouts = item.resources.compactMap { id -> Resource? in
                    guard let resource = content.resources[id], ParticipantView.sees(resource) else {
                        return nil
                    }
                    return resource
                }
                let cases = item.cases.compactMap { id -> CaseStudy? in
                    guard let study = content.caseStudies[id], ParticipantView.sees(study) else {
                        return nil
                    }
                    return study
                }
                for resource in handouts where !handoutIDs.contains(resource.id) { handoutIDs.append(resource.id) }
                for study in cases where !caseIDs.contains(study.id) { caseIDs.append(study.id) }
                let hasText = purpose != nil || instructions != nil
                let anchor = "item-d\(day.day.number)-\(index + 1)"
                slots.append(
                    PackViewModel.Slot(
                        start: "\(slot.start)", end: "\(slot.end)", title: content.label(item.title),
                        anchor: hasText ? anchor : nil))
                if hasText {
                    activities.append(
                        PackViewModel.ActivityPage(
                            anchor: anchor, title: content.label(item.title),
                            when: "\(content.dayHeading(day)), \(slot.start)–\(slot.end)",
                            purposeHtml: purpose, instructionsHtml: instructions,
                            handouts: handouts.map { handoutLink($0) },
                            cases: cases.map {
                                Link(anchor: HTMLEscaping.anchor("case", $0.id), title: content.label($0.title))
                            }))
                }
            }
            days.append(
                PackViewModel.Day(
                    anchor: "day-\(day.day.number)", heading: content.dayHeading(day),
                    title: day.day.title.map(content.label).nonEmpty, slots: slots))
        }
        context.days = days
        context.activities = activities
        context.timesNote =
            content.timetable.timezone.map { "\(text["timesLocal"]) \(text.catalogue.timeZone($0))." }.nonEmpty

        context.objectives = session.objectiveRefs.compactMap { id in
            content.objectives[id].map { TextItem(text: content.label($0.text)) }
        }

        context.handouts = handoutIDs.compactMap { content.resources[$0] }.map { resource in
            let link = handoutLink(resource)
            return PackViewModel.Handout(
                title: link.title, href: link.href, kind: text.term("resourceKind", resource.kind),
                descriptionHtml: visibleText(resource.description, .resourceDescription))
        }

        context.caseStudies = caseIDs.compactMap { content.caseStudies[$0] }.map { study in
            PackViewModel.CaseStudyPage(
                anchor: HTMLEscaping.anchor("case", study.id), title: content.label(study.title),
                facts: Fact.list([
                    (text["country"], study.country), (text["city"], study.city), (text["year"], study.year),
                ]),
                summaryHtml: visibleText(study.summary, .caseStudySection),
                contentWarningHtml: visibleText(study.contentWarning, .caseStudySection),
                contextHtml: visibleText(study.context, .caseStudySection),
                approachHtml: visibleText(study.approach, .caseStudySection),
                impactHtml: visibleText(study.impact, .caseStudySection),
                lessonsHtml: visibleText(study.lessons, .caseStudySection),
                discussion: study.discussion.map { TextItem(text: content.label($0)) })
        }

        context.glossary = glossary.map { entry in
            GlossaryItem(
                anchor: HTMLEscaping.anchor("glossary", entry.id), term: content.label(entry.term),
                definitionHtml: rich.html(entry.definition) ?? "")
        }

        let instruments = session.evaluation.filter { ParticipantView.sees($0) }
        context.instruments = instruments.enumerated().map { index, instrument in
            form(instrument, prefix: "ev\(index + 1)")
        }

        var toc: [Link] = []
        func section(_ anchor: String, _ title: String, _ present: Bool) {
            if present { toc.append(Link(anchor: anchor, title: title)) }
        }
        section("agenda", text["agenda"], !context.days.isEmpty)
        section("objectives", text["objectives"], !context.objectives.isEmpty)
        section("activities", text["activityInstructions"], !context.activities.isEmpty)
        section("handouts", text["handouts"], !context.handouts.isEmpty)
        section("case-studies", text["caseStudies"], !context.caseStudies.isEmpty)
        section("glossary", text["glossary"], !context.glossary.isEmpty)
        section("evaluation", text["evaluationForm"], !context.instruments.isEmpty)
        context.toc = toc
        return context
    }

    /// A participant-visible resource with its link: the copied handout, or a web address.
    private func handoutLink(_ resource: Resource) -> PackViewModel.HandoutLink {
        var href: String? = nil
        if let path = content.copiedPaths[resource.id], path.hasPrefix("handouts/") {
            href = path
        } else if resource.isExternal {
            href = LinkPolicy.safeExternalHref(resource.href)
        }
        return PackViewModel.HandoutLink(title: content.label(resource.title), href: href.nonEmpty)
    }

    /// An instrument as a printable form: each question a fieldset with boxes to tick or room to write.
    private func form(_ instrument: Instrument, prefix: String) -> PackViewModel.Form {
        let text = content.text
        let questions = content.questions(of: instrument).enumerated().map { index, question in
            let name = "\(prefix)-q\(index + 1)"
            // Value and label of each choice; the input's id, type and name are added below.
            var choices: [(value: String, label: String)] = []
            var inputType = "radio"
            var hint: String? = nil
            switch question.type {
            case "likert" where question.options.isEmpty:
                choices = (1...5).map { ("\($0)", text["likert.\($0)"]) }
            case "scale" where question.options.isEmpty:
                choices = (0...10).map { ("\($0)", "\($0)") }
                hint = "0 = \(text["scaleLow"]), 10 = \(text["scaleHigh"])"
            case "true-false" where question.options.isEmpty:
                choices = [("true", text["true"]), ("false", text["false"])]
                hint = text["chooseOne"]
            case "open", "short-answer":
                break
            default:
                if question.type == "multiple" { inputType = "checkbox" }
                choices = question.options.enumerated().map { position, option in
                    ("\(position + 1)", content.label(option))
                }
                if !choices.isEmpty { hint = text[question.type == "multiple" ? "chooseAny" : "chooseOne"] }
            }
            return PackViewModel.Question(
                number: index + 1, name: name, text: content.label(question.text),
                choices: choices.enumerated().map { position, choice in
                    PackViewModel.Choice(
                        value: choice.value, label: choice.label, id: "\(name)-o\(position + 1)", type: inputType,
                        name: name)
                },
                isScale: question.type == "scale" && question.options.isEmpty,
                layout: question.options.isEmpty && (question.type == "likert" || question.type == "scale")
                    ? question.type : "list",
                isOpen: choices.isEmpty, hint: hint.nonEmpty)
        }
        return PackViewModel.Form(
            anchor: HTMLEscaping.anchor("instrument", instrument.id), title: content.label(instrument.title),
            kind: text.term("instrument", instrument.kind), questions: questions)
    }
}
