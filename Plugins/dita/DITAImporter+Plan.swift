import CurriculumModel
import CurriculumXML

extension DITAImporter {
    /// What a `learningPlan` says about the programme: the client (owner), subject (subtitle), description
    /// (summary) and audience. The rest of a plan (gap analysis, interventions, technical constraints …) is
    /// design documentation with no place in the model, and is reported.
    mutating func readPlan(_ element: XMLElement, in file: String) -> PlanContent {
        var plan = PlanContent()
        guard let body = element.elements.first(where: { $0.name.hasSuffix("body") }) else { return plan }
        for section in body.elements {
            switch section.name {
            case "lcProject":
                readProject(section, in: file, into: &plan)
            case "lcNeedsAnalysis":
                for part in section.elements {
                    switch part.name {
                    case "title": continue
                    case "lcPlanAudience": plan.audiences.append(planAudience(part, in: file))
                    default: reportUnmapped(part, in: file, context: "the learning plan")
                    }
                }
            default:
                reportUnmapped(section, in: file, context: "the learning plan")
            }
        }
        return plan
    }

    private mutating func readProject(_ project: XMLElement, in file: String, into plan: inout PlanContent) {
        for part in project.elements {
            switch part.name {
            case "title": continue
            case "lcPlanTitle": plan.title = figureText(part, in: file)
            case "lcClient": plan.client = figureText(part, in: file)
            case "lcPlanSubject": plan.subject = figureText(part, in: file)
            case "lcPlanDescrip", "lcPlanPrereqs":
                var harvest = BodyHarvest()
                let children = normaliseChildren(of: part, in: file, harvest: &harvest).filter {
                    if case .element(let inner) = $0 { return inner.name != "title" }
                    return true
                }
                if let text = richText(from: children, at: part, in: file) { plan.description += text.blocks }
            default: reportUnmapped(part, in: file, context: "the learning plan")
            }
        }
    }

    /// The text of a plan figure (`lcClient`, `lcPlanSubject` …) without its title.
    private mutating func figureText(_ figure: XMLElement, in file: String) -> String? {
        var copy = figure
        copy.children = figure.children.filter {
            if case .element(let inner) = $0 { return inner.name != "title" }
            return true
        }
        let text = inlineText(of: copy, in: file)
        return text.isEmpty ? nil : text
    }

    private mutating func planAudience(_ element: XMLElement, in file: String) -> AudienceDraft {
        var draft = AudienceDraft(location: location(of: element, in: file))
        var description: [Block] = []
        var knowledge: [String] = []
        var needs: [String] = []
        for part in element.elements {
            let text = inlineText(of: part, in: file)
            guard !text.isEmpty else { continue }
            switch part.name {
            case "title": draft.name = text
            case "lcGeneralDescription": description.append(.paragraph([.text(text)]))
            case "lcEdLevel": description.append(.paragraph([.text("Education: " + text)]))
            case "lcAge": description.append(.paragraph([.text("Age: " + text)]))
            case "lcBackground": draft.background = text
            case "lcSkills", "lcKnowledge": knowledge.append(text)
            case "lcMotivation", "lcSpecChars": needs.append(text)
            default: reportUnmapped(part, in: file, context: "<lcPlanAudience>")
            }
        }
        if !description.isEmpty { draft.description = RichText(blocks: description, location: draft.location) }
        if !knowledge.isEmpty { draft.priorKnowledge = knowledge.joined(separator: " ") }
        if !needs.isEmpty { draft.needs = needs.joined(separator: " ") }
        return draft
    }
}
