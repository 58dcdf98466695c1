import CurriculumImportKit
import CurriculumModel
import CurriculumXML

/// Reads a problem's first response as an evaluation question: multiple choice as `single`, checkboxes as
/// `multiple`, text and numeric answers as `open`. Scored logic (correct answers, hints, grading) has no place
/// in the model and is not kept.
enum OLXProblemMapper {
    static func component(
        _ node: OLXCourseFiles.Node, at location: SourceLocation, report: inout ImportReport, ids: inout IDAllocator
    ) -> OLXComponent {
        let problem = node.element
        let title = node.displayName ?? "Problem"
        guard let response = firstResponse(in: problem) else {
            report.warning(
                OLXCode.unmappedProblem, "the problem \"\(title)\" has no response to read as a question", at: location)
            return OLXComponent(role: .problem)
        }
        let type: String
        var options: [Label] = []
        switch response.name {
        case "multiplechoiceresponse":
            type = "single"
            options = texts(of: "choice", in: response)
        case "choiceresponse":
            type = "multiple"
            options = texts(of: "choice", in: response)
        case "optionresponse":
            type = "single"
            options = texts(of: "option", in: response)
        case "stringresponse", "numericalresponse":
            type = "open"
        default:
            report.warning(
                OLXCode.unmappedProblem,
                "the problem \"\(title)\" uses <\(response.name)>, which has no equivalent question type; not imported",
                at: location)
            return OLXComponent(role: .problem)
        }
        let prompt =
            response.element(named: "label")?.textContent ?? problem.element(named: "label")?.textContent
            ?? problem.element(named: "p")?.textContent ?? title
        let question = Question(
            id: ids.make(from: (node.urlName ?? title) + "-q", fallback: "question"), type: type,
            text: Label(collapse(prompt)), options: options, location: location)
        return OLXComponent(role: .problem, question: question)
    }

    static let responses: Set<String> = [
        "multiplechoiceresponse", "choiceresponse", "optionresponse", "stringresponse", "numericalresponse",
        "customresponse", "formularesponse", "imageresponse", "schematicresponse", "symbolicresponse",
        "coderesponse", "jsinput", "annotationresponse",
    ]

    private static func firstResponse(in problem: XMLElement) -> XMLElement? {
        var stack = [problem]
        var queue = 0
        while queue < stack.count {
            let current = stack[queue]
            queue += 1
            if responses.contains(current.name) { return current }
            stack.append(contentsOf: current.elements)
        }
        return nil
    }

    private static func texts(of name: String, in response: XMLElement) -> [Label] {
        var found: [Label] = []
        var stack = [response]
        while let current = stack.popLast() {
            if current.name == name {
                let text = collapse(current.textContent)
                if !text.isEmpty { found.append(Label(text)) }
                continue
            }
            stack.append(contentsOf: current.elements.reversed())
        }
        return found
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
