import CurriculumImportKit
import CurriculumModel
import CurriculumXML

/// Reads a problem's responses as evaluation questions: multiple choice and dropdowns as `single`, checkboxes as
/// `multiple`, text, numeric and formula answers as `short-answer`, anything else as `open`.
///
/// The whole stem is kept (every paragraph, equation and image before a response, not just its label). Correct
/// choices, choice hints, accepted answers, solutions and hints go into the question's answer key, which only
/// facilitator material shows: none of them may end up in option or question text, which participants read.
struct OLXProblemMapper {
    let files: OLXCourseFiles
    let node: OLXCourseFiles.Node
    let location: SourceLocation

    /// Elements whose content is never participant text: grading code and answer explanations.
    static let keyOnly: Set<String> = [
        "solution", "demandhint", "script", "style", "choicehint", "optionhint", "correcthint", "stringequalhint",
        "numericalhint", "compoundhint", "additional_answer", "responseparam", "hintgroup", "hintpart",
        "solutionset", "targetedfeedbackset", "targetedfeedback", "answer",
    ]

    /// Text-level elements, read without setting their words apart.
    static let inline: Set<String> = [
        "em", "i", "strong", "b", "span", "code", "tt", "sup", "sub", "a", "u", "var", "mi", "mn", "mo", "kbd", "abbr",
    ]

    static let responses: Set<String> = [
        "multiplechoiceresponse", "choiceresponse", "optionresponse", "stringresponse", "numericalresponse",
        "customresponse", "formularesponse", "imageresponse", "schematicresponse", "symbolicresponse",
        "coderesponse", "jsinput", "annotationresponse",
    ]

    /// What the problem contributed.
    struct Outcome {
        var questions: [Question] = []
        /// Static files (images) the stems refer to.
        var staticReferences: [(href: String, title: String?)] = []
    }

    private var title: String { node.displayName ?? "Problem" }

    func map(report: inout ImportReport, ids: inout IDAllocator) -> Outcome {
        var outcome = Outcome()
        var stem: [String] = []
        var explanation: [Block] = []
        var hints: [String] = []
        walk(
            node.element, stem: &stem, explanation: &explanation, hints: &hints, outcome: &outcome, report: &report,
            ids: &ids)
        if outcome.questions.isEmpty {
            report.warning(
                OLXCode.unmappedProblem, "the problem \"\(title)\" has no response to read as a question",
                at: location)
            return outcome
        }
        // Text after the last response still belongs to the problem: it joins the last question.
        if !stem.isEmpty {
            let last = outcome.questions.count - 1
            outcome.questions[last].text = Label(outcome.questions[last].text.text + " " + stem.joined(separator: " "))
        }
        for hint in hints { explanation.append(Block(kind: .paragraph, inlines: [.text("Hint: " + hint)])) }
        if !explanation.isEmpty {
            var key = outcome.questions[0].key ?? AnswerKey()
            let earlier = key.explanation?.blocks ?? []
            key.explanation = RichText(blocks: earlier + explanation, location: location)
            outcome.questions[0].key = key
        }
        return outcome
    }

    // MARK: - Walking the problem

    private func walk(
        _ element: XMLElement, stem: inout [String], explanation: inout [Block], hints: inout [String],
        outcome: inout Outcome, report: inout ImportReport, ids: inout IDAllocator
    ) {
        for child in element.children {
            switch child {
            case .text(let text):
                let text = Self.collapse(text)
                if !text.isEmpty { stem.append(text) }
            case .element(let inner):
                switch inner.name {
                case _ where Self.responses.contains(inner.name):
                    if var question = response(inner, stem: stem, outcome: &outcome, report: &report, ids: &ids) {
                        if let solution = inner.element(named: "solution") {
                            var key = question.key ?? AnswerKey()
                            let earlier = key.explanation?.blocks ?? []
                            key.explanation = RichText(
                                blocks: earlier + RichTextConverter.blocks(from: solution).blocks, location: location)
                            question.key = key
                        }
                        outcome.questions.append(question)
                    }
                    stem = []
                case "solution":
                    explanation += RichTextConverter.blocks(from: inner).blocks
                case "solutionset", "targetedfeedbackset":
                    // Targeted feedback and solution sets are explanations too, never stem text.
                    for part in inner.elements { explanation += RichTextConverter.blocks(from: part).blocks }
                case "demandhint":
                    for hint in inner.elements(named: "hint") {
                        let text = Self.collapse(hint.textContent)
                        if !text.isEmpty { hints.append(text) }
                    }
                case "script", "style", "answer":
                    report.note(
                        OLXCode.unmappedProblem,
                        "the grading code of the problem \"\(title)\" is not imported; its questions keep their stems",
                        at: files.location(inner, in: node.file))
                case _ where Self.contains(response: inner):
                    walk(
                        inner, stem: &stem, explanation: &explanation, hints: &hints, outcome: &outcome,
                        report: &report, ids: &ids)
                default:
                    let text = stemText(inner, outcome: &outcome)
                    if !text.isEmpty { stem.append(text) }
                }
            }
        }
    }

    private static func contains(response element: XMLElement) -> Bool {
        var stack = element.elements
        while let current = stack.popLast() {
            if responses.contains(current.name) { return true }
            stack.append(contentsOf: current.elements)
        }
        return false
    }

    /// The participant-visible text of a stem element; images become "[image: …]" and are listed as resources.
    private func stemText(_ element: XMLElement, outcome: inout Outcome) -> String {
        var parts: [String] = []
        func visit(_ element: XMLElement) {
            if Self.keyOnly.contains(element.name) { return }
            if element.name == "img" {
                let alt = element[attribute: "alt"]?.trimmingCharacters(in: .whitespaces) ?? ""
                let src = element[attribute: "src"] ?? ""
                let name = src.split(separator: "/").last.map(String.init) ?? src
                parts.append("[image: \(alt.isEmpty ? name : alt)]")
                if !src.isEmpty { outcome.staticReferences.append((src, alt.isEmpty ? nil : alt)) }
                return
            }
            if element.name == "sup" || element.name == "sub" {
                let text = element.textContent
                parts.append(element.name == "sup" ? ScriptText.superscript(text) : ScriptText.subscript(text))
                return
            }
            for child in element.children {
                switch child {
                case .text(let text): parts.append(text)
                case .element(let inner) where Self.inline.contains(inner.name):
                    visit(inner)
                case .element(let inner):
                    parts.append(" ")
                    visit(inner)
                    parts.append(" ")
                }
            }
        }
        visit(element)
        return Self.collapse(parts.joined())
    }

    // MARK: - Responses

    private func response(
        _ response: XMLElement, stem: [String], outcome: inout Outcome, report: inout ImportReport,
        ids: inout IDAllocator
    ) -> Question? {
        var prompt = stem
        var type = "open"
        var options: [Label] = []
        var key = AnswerKey()
        let at = files.location(response, in: node.file)
        for child in response.elements {
            switch child.name {
            case "label", "description", "p", "div", "pre", "table", "ul", "ol", "math", "img":
                let text = stemText(child, outcome: &outcome)
                if !text.isEmpty { prompt.append(text) }
            default:
                // Older problems put the prompt on the input: `<textline label="…"/>`.
                if let label = child[attribute: "label"]?.trimmingWhitespace(),
                    !label.isEmpty,
                    ["textline", "formulaequationinput", "optioninput", "choicegroup"].contains(child.name)
                {
                    prompt.append(label)
                }
            }
        }
        switch response.name {
        case "multiplechoiceresponse", "choiceresponse":
            type = response.name == "choiceresponse" ? "multiple" : "single"
            choices(in: response, options: &options, key: &key)
            for hint in Self.descendants(of: response, named: "compoundhint") {
                let text = Self.collapse(hint.textContent)
                let value = hint[attribute: "value"] ?? ""
                if !text.isEmpty { key.feedback.append(.init(text: Label("When \(value) is chosen: \(text)"))) }
            }
        case "optionresponse":
            type = "single"
            dropdown(in: response, options: &options, key: &key)
        case "stringresponse", "numericalresponse", "formularesponse":
            type = "short-answer"
            answers(in: response, key: &key)
        default:
            report.warning(
                OLXCode.unmappedProblem,
                "the problem \"\(title)\" uses <\(response.name)>, which has no equivalent question type; it is imported as an open question without its answer checking",
                at: at)
        }
        if let correct = Self.descendants(of: response, named: "correcthint").first {
            let text = Self.collapse(correct.textContent)
            if !text.isEmpty { key.feedback.append(.init(text: Label("When correct: " + text))) }
        }
        if (type == "single" || type == "multiple") && options.isEmpty {
            report.warning(
                OLXCode.unmappedProblem,
                "the problem \"\(title)\" has a <\(response.name)> without options; it is imported as an open question",
                at: at)
            type = "open"
        }
        let text = Self.collapse(prompt.joined(separator: " "))
        let base = (node.urlName ?? title) + "-q"
        let question = Question(
            id: ids.make(from: base, fallback: "question"), type: type,
            text: Label(text.isEmpty ? title : text), options: options,
            key: key == AnswerKey() ? nil : key, location: at)
        return question
    }

    /// `<choice correct="true">Text<choicehint>…</choicehint></choice>`: the text is the option, the rest the key.
    private func choices(in response: XMLElement, options: inout [Label], key: inout AnswerKey) {
        for choice in Self.descendants(of: response, named: "choice") {
            let index = options.count
            options.append(Label(optionText(choice)))
            if choice[attribute: "correct"]?.lowercased() == "true" { key.correctOptions.append(index) }
            for hint in choice.elements(named: "choicehint") {
                let text = Self.collapse(hint.textContent)
                guard !text.isEmpty else { continue }
                let when =
                    switch hint[attribute: "selected"]?.lowercased() {
                    case "true": "If selected: "
                    case "false": "If not selected: "
                    default: ""
                    }
                key.feedback.append(.init(option: index, text: Label(when + text)))
            }
        }
    }

    /// Dropdowns: `<optioninput options="('A','B')" correct="A"/>` or `<option correct="True">A</option>` children.
    private func dropdown(in response: XMLElement, options: inout [Label], key: inout AnswerKey) {
        for input in Self.descendants(of: response, named: "optioninput") {
            let written = input.elements(named: "option")
            if written.isEmpty, let list = input[attribute: "options"] {
                let correct = input[attribute: "correct"]
                for value in Self.quotedValues(list) {
                    if value == correct { key.correctOptions.append(options.count) }
                    options.append(Label(value))
                }
                continue
            }
            for option in written {
                let index = options.count
                options.append(Label(optionText(option)))
                if option[attribute: "correct"]?.lowercased() == "true" { key.correctOptions.append(index) }
                for hint in option.elements(named: "optionhint") {
                    let text = Self.collapse(hint.textContent)
                    if !text.isEmpty { key.feedback.append(.init(option: index, text: Label(text))) }
                }
            }
        }
    }

    /// Accepted answers of text, numeric and formula responses, with a numeric tolerance written beside them.
    private func answers(in response: XMLElement, key: inout AnswerKey) {
        var tolerance = ""
        for parameter in Self.descendants(of: response, named: "responseparam")
        where parameter[attribute: "type"] == "tolerance" {
            if let value = parameter[attribute: "default"], !value.isEmpty { tolerance = " (± \(value))" }
        }
        if let answer = response[attribute: "answer"], !answer.isEmpty {
            key.acceptedAnswers.append(Label(answer + tolerance))
        }
        for additional in Self.descendants(of: response, named: "additional_answer") {
            let value = additional[attribute: "answer"] ?? Self.collapse(additional.textContent)
            if !value.isEmpty { key.acceptedAnswers.append(Label(value)) }
        }
        for hint in Self.descendants(of: response, named: "stringequalhint")
            + Self.descendants(of: response, named: "numericalhint")
        {
            let text = Self.collapse(hint.textContent)
            if !text.isEmpty {
                key.feedback.append(.init(text: Label("For \"\(hint[attribute: "answer"] ?? "")\": \(text)")))
            }
        }
        if (response[attribute: "type"] ?? "").contains("regexp") {
            key.explanation = RichText(blocks: [
                Block(kind: .paragraph, inlines: [.text("The accepted answers are regular expressions.")])
            ])
        }
    }

    private func optionText(_ element: XMLElement) -> String {
        var outcome = Outcome()
        return stemText(element, outcome: &outcome)
    }

    // MARK: - Helpers

    static func descendants(of element: XMLElement, named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(element.elements.reversed())
        while let current = stack.popLast() {
            if current.name == name {
                found.append(current)
                continue
            }
            stack.append(contentsOf: current.elements.reversed())
        }
        return found
    }

    /// The values of a Python-style list: `('A','B, C')` → `A`, `B, C`.
    static func quotedValues(_ list: String) -> [String] {
        var values: [String] = []
        var current: String?
        var escaped = false
        for character in list {
            if var value = current {
                if escaped {
                    value.append(character)
                    escaped = false
                    current = value
                } else if character == "\\" {
                    escaped = true
                } else if character == "'" {
                    values.append(value)
                    current = nil
                } else {
                    value.append(character)
                    current = value
                }
            } else if character == "'" {
                current = ""
            }
        }
        return values
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
