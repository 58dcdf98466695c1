import CurriculumExportKit
import CurriculumModel

/// The context of `participant-pack.mustache`, built from an explicit allow-list of participant-facing fields.
///
/// Nothing here starts from the facilitator guide or filters it: each value is picked on purpose, and content
/// whose `for=` excludes participants is never read. Facilitator notes, sensitivity notes, steps, debrief
/// questions, variants, preparation, materials, room notes, case-study facilitator notes, sources and safety facts
/// have no key in this context at all, so even a custom template cannot print them.
struct ParticipantPack {
    let content: SessionContent

    func context(styles: String) -> TemplateContext {
        let session = content.session
        let curriculum = content.curriculum
        let text = content.text

        // Glossary entries participants may read; terms in participant text link to them.
        let glossary = GlossaryList.sorted(content).filter {
            ParticipantView.sees($0.definition, as: .glossaryDefinition)
        }
        let rich = content.renderer(glossaryAnchors: Set(glossary.map(\.id)))
        let visibleText = { (value: RichText?, field: ParticipantView.Field) -> Any in
            guard ParticipantView.sees(value, as: field) else { return Absent() }
            return Value.text(rich.html(value))
        }

        var context: TemplateContext = [:]
        context["lang"] = content.languageTag
        context["t"] = text.strings
        context["styles"] = styles
        context["programmeTitle"] = content.label(curriculum.title)
        context["programmeHeading"] = content.programmeHeading
        context["sessionHeading"] = content.sessionHeading
        context["programmeSubtitle"] = Value.text(curriculum.meta.subtitle.map(content.label))
        context["sessionTitle"] = content.label(session.title)
        context["sessionLabel"] = content.sessionLabel
        context["pageTitle"] =
            "\(text["participantPack"]) — \(content.label(session.title)) — \(content.label(curriculum.title))"
        context["generator"] = "\(text["madeWith"]) · html \(HTMLPlugin.version)"
        context["coverFacts"] = Value.facts([
            (text["programme"], content.label(curriculum.title)),
            (text["dates"], content.dateRange),
            (text["venue"], content.venue),
            (text["timezone"], content.timetable.timezone),
        ])
        context["summaryHtml"] = visibleText(session.summary, .sessionSummary)
        context["provenanceHtml"] = visibleText(curriculum.meta.provenance, .provenance)
        context["fictionalDelivery"] = content.delivery?.isFictional == true

        // Which items participants see, with an anchor when they have something to read.
        var days: [TemplateContext] = []
        var activities: [TemplateContext] = []
        var handoutIDs: [String] = []
        var caseIDs: [String] = []
        for day in content.timetable.days {
            var slots: [TemplateContext] = []
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
                let hasText = !(purpose is Absent) || !(instructions is Absent)
                let anchor = "item-d\(day.day.number)-\(index + 1)"
                slots.append([
                    "start": "\(slot.start)", "end": "\(slot.end)", "title": content.label(item.title),
                    "anchor": hasText ? anchor : Absent(),
                ])
                if hasText {
                    activities.append([
                        "anchor": anchor, "title": content.label(item.title),
                        "when": "\(content.dayHeading(day)), \(slot.start)–\(slot.end)",
                        "purposeHtml": purpose, "instructionsHtml": instructions,
                        "handouts": handouts.map { handoutLink($0) },
                        "cases": cases.map {
                            ["title": content.label($0.title), "anchor": HTMLEscaping.anchor("case", $0.id)]
                        },
                    ])
                }
            }
            days.append([
                "anchor": "day-\(day.day.number)", "heading": content.dayHeading(day),
                "title": Value.text(day.day.title.map(content.label)), "slots": slots,
            ])
        }
        context["days"] = days
        context["activities"] = activities
        context["timesNote"] = Value.text(content.timetable.timezone.map { "\(text["timesLocal"]) \($0)." })

        context["objectives"] = session.objectiveRefs.compactMap { id -> TemplateContext? in
            content.objectives[id].map { ["text": content.label($0.text)] }
        }

        context["handouts"] = handoutIDs.compactMap { content.resources[$0] }.map { resource -> TemplateContext in
            var entry = handoutLink(resource)
            entry["kind"] = text.term("resourceKind", resource.kind)
            entry["descriptionHtml"] = visibleText(resource.description, .resourceDescription)
            return entry
        }

        context["caseStudies"] = caseIDs.compactMap { content.caseStudies[$0] }.map { study -> TemplateContext in
            [
                "anchor": HTMLEscaping.anchor("case", study.id), "title": content.label(study.title),
                "facts": Value.facts([
                    (text["country"], study.country), (text["city"], study.city), (text["year"], study.year),
                ]),
                "summaryHtml": visibleText(study.summary, .caseStudySection),
                "contentWarningHtml": visibleText(study.contentWarning, .caseStudySection),
                "contextHtml": visibleText(study.context, .caseStudySection),
                "approachHtml": visibleText(study.approach, .caseStudySection),
                "impactHtml": visibleText(study.impact, .caseStudySection),
                "lessonsHtml": visibleText(study.lessons, .caseStudySection),
                "discussion": study.discussion.map { ["text": content.label($0)] },
            ]
        }

        context["glossary"] = glossary.map { entry -> TemplateContext in
            [
                "anchor": HTMLEscaping.anchor("glossary", entry.id), "term": content.label(entry.term),
                "definitionHtml": rich.html(entry.definition) ?? "",
            ]
        }

        let instruments = session.evaluation.filter { ParticipantView.sees($0) }
        context["instruments"] = instruments.enumerated().map { index, instrument -> TemplateContext in
            form(instrument, prefix: "ev\(index + 1)")
        }

        var toc: [TemplateContext] = []
        func section(_ anchor: String, _ title: String, _ items: Any?) {
            if let list = items as? [Any], !list.isEmpty { toc.append(["anchor": anchor, "title": title]) }
        }
        section("agenda", text["agenda"], context["days"])
        section("objectives", text["objectives"], context["objectives"])
        section("activities", text["activityInstructions"], context["activities"])
        section("handouts", text["handouts"], context["handouts"])
        section("case-studies", text["caseStudies"], context["caseStudies"])
        section("glossary", text["glossary"], context["glossary"])
        section("evaluation", text["evaluationForm"], context["instruments"])
        context["toc"] = toc
        return context
    }

    /// A participant-visible resource with its link: the copied handout, or a web address.
    private func handoutLink(_ resource: Resource) -> TemplateContext {
        var href: String? = nil
        if let path = content.copiedPaths[resource.id], path.hasPrefix("handouts/") {
            href = path
        } else if resource.isExternal {
            href = LinkPolicy.safeExternalHref(resource.href)
        }
        return ["title": content.label(resource.title), "href": Value.text(href)]
    }

    /// An instrument as a printable form: each question a fieldset with boxes to tick or room to write.
    private func form(_ instrument: Instrument, prefix: String) -> TemplateContext {
        let text = content.text
        let questions = content.questions(of: instrument).enumerated().map { index, question -> TemplateContext in
            let name = "\(prefix)-q\(index + 1)"
            var entry: TemplateContext = [
                "number": index + 1, "name": name, "text": content.label(question.text),
            ]
            var choices: [TemplateContext] = []
            var inputType = "radio"
            var hint: String? = nil
            switch question.type {
            case "likert" where question.options.isEmpty:
                choices = (1...5).map { ["value": "\($0)", "label": text["likert.\($0)"]] }
            case "scale" where question.options.isEmpty:
                choices = (0...10).map { ["value": "\($0)", "label": "\($0)"] }
                hint = "0 = \(text["scaleLow"]), 10 = \(text["scaleHigh"])"
            case "true-false" where question.options.isEmpty:
                choices = [["value": "true", "label": text["true"]], ["value": "false", "label": text["false"]]]
                hint = text["chooseOne"]
            case "open", "short-answer":
                break
            default:
                if question.type == "multiple" { inputType = "checkbox" }
                choices = question.options.enumerated().map { position, option in
                    ["value": "\(position + 1)", "label": content.label(option)]
                }
                if !choices.isEmpty { hint = text[question.type == "multiple" ? "chooseAny" : "chooseOne"] }
            }
            for position in choices.indices {
                choices[position]["id"] = "\(name)-o\(position + 1)"
                choices[position]["type"] = inputType
                choices[position]["name"] = name
            }
            entry["choices"] = choices
            entry["isScale"] = question.type == "scale" && question.options.isEmpty
            entry["layout"] =
                question.options.isEmpty && (question.type == "likert" || question.type == "scale")
                ? question.type : "list"
            entry["isOpen"] = choices.isEmpty
            entry["hint"] = Value.text(hint)
            return entry
        }
        return [
            "anchor": HTMLEscaping.anchor("instrument", instrument.id), "title": content.label(instrument.title),
            "kind": text.term("instrument", instrument.kind), "questions": questions,
        ]
    }
}
