import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// Reads the questions of a Common Cartridge QTI 1.2 assessment or question bank (`questestinterop`) with their
/// answer keys: the right choices and accepted answers from the response processing, and the feedback each
/// choice or the whole item shows. The key is facilitator material; question and option text is what
/// participants read.
struct QTIReader {
    let file: String

    /// The questions of the file, in document order; items with no equivalent are reported and left out.
    func questions(in root: XMLElement, state: inout ImportState) -> [Question] {
        var found: [Question] = []
        var stack = [root]
        while let element = stack.popLast() {
            if element.name == "item" {
                if let question = question(from: element, state: &state) { found.append(question) }
                continue
            }
            stack += element.elements.reversed()
        }
        return found
    }

    // MARK: - One item

    private func question(from item: XMLElement, state: inout ImportState) -> Question? {
        let at = state.location(item, in: file)
        let profile = Self.metadata(item, label: "cc_profile") ?? ""
        guard let presentation = item.element(named: "presentation") else {
            state.report.warning(
                CCCode.assessmentNotImported,
                "the QTI item \"\(item[attribute: "ident"] ?? "")\" has no presentation; it was left out",
                at: at)
            return nil
        }
        let text = Self.materialText(presentation, skipping: ["response_lid", "response_str", "response_num"])
        var options: [Label] = []
        var identifiers: [String] = []
        for label in Self.descendants(of: presentation, named: "response_label") {
            identifiers.append(label[attribute: "ident"] ?? "")
            options.append(Label(Self.materialText(label, skipping: [])))
        }
        let multiple =
            Self.descendants(of: presentation, named: "response_lid").first?[attribute: "rcardinality"] == "Multiple"
        var type: String
        switch profile {
        case _ where profile.contains("true_false"): type = "true-false"
        case _ where profile.contains("multiple_response"): type = "multiple"
        case _ where profile.contains("multiple_choice"): type = "single"
        case _ where profile.contains("fib") || profile.contains("pattern_match"): type = "short-answer"
        case _ where profile.contains("essay"): type = "open"
        default:
            if !options.isEmpty {
                type = multiple ? "multiple" : "single"
            } else if !Self.descendants(of: presentation, named: "response_str").isEmpty {
                type = "short-answer"
            } else {
                type = "open"
            }
        }
        var key = AnswerKey()
        let feedbackTexts = Dictionary(
            Self.descendants(of: item, named: "itemfeedback").map {
                ($0[attribute: "ident"] ?? "", Self.materialText($0, skipping: []))
            }, uniquingKeysWith: { first, _ in first })
        for condition in Self.descendants(of: item, named: "respcondition") {
            let values = Self.positiveValues(in: condition)
            let scores = condition.elements(named: "setvar").contains {
                (Double(Self.collapse($0.textContent)) ?? 0) > 0 && $0[attribute: "action"] != "Subtract"
            }
            if scores {
                for value in values {
                    if let index = identifiers.firstIndex(of: value) {
                        if !key.correctOptions.contains(index) { key.correctOptions.append(index) }
                    } else if type == "short-answer", !key.acceptedAnswers.contains(Label(value)) {
                        key.acceptedAnswers.append(Label(value))
                    }
                }
            }
            for display in condition.elements(named: "displayfeedback") {
                guard let reference = display[attribute: "linkrefid"], let text = feedbackTexts[reference],
                    !text.isEmpty
                else { continue }
                if values.count == 1, let index = identifiers.firstIndex(of: values[0]) {
                    key.feedback.append(.init(option: index, text: Label(text)))
                } else {
                    let isOtherwise = condition.element(named: "conditionvar")?.element(named: "other") != nil
                    let when = scores ? "When correct: " : isOtherwise ? "Otherwise: " : ""
                    key.feedback.append(.init(text: Label(when + text)))
                }
            }
        }
        if type == "true-false" && options.isEmpty { options = ["True", "False"] }
        if (type == "single" || type == "multiple") && options.count < 2 {
            state.report.warning(
                CCCode.assessmentNotImported,
                "the QTI item \"\(item[attribute: "ident"] ?? "")\" is a choice with fewer than two options; it is imported as an open question",
                at: at)
            type = "open"
        }
        let title = item[attribute: "title"] ?? item[attribute: "ident"] ?? "Question"
        return Question(
            id: state.ids.make(from: "q " + (item[attribute: "ident"] ?? title), fallback: "q"), type: type,
            text: Label(text.isEmpty ? title : text), options: type == "open" || type == "short-answer" ? [] : options,
            key: key == AnswerKey() ? nil : key, location: at)
    }

    // MARK: - Helpers

    /// The `varequal` values of a condition that are not negated (`<not>`).
    private static func positiveValues(in condition: XMLElement) -> [String] {
        guard let variables = condition.element(named: "conditionvar") else { return [] }
        var values: [String] = []
        var stack = [variables]
        while let element = stack.popLast() {
            if element.name == "not" { continue }
            if element.name == "varequal" {
                let value = Self.collapse(element.textContent)
                if !value.isEmpty { values.append(value) }
                continue
            }
            stack += element.elements.reversed()
        }
        return values
    }

    /// The text of the `mattext` elements in an element (HTML read as HTML), outside the named children.
    static func materialText(_ element: XMLElement, skipping: Set<String>) -> String {
        var parts: [String] = []
        var stack = [element]
        while let current = stack.popLast() {
            if skipping.contains(current.name) { continue }
            if current.name == "mattext" || current.name == "matemtext" {
                let raw = current.textContent
                if (current[attribute: "texttype"] ?? "").contains("html") || raw.contains("<") {
                    let blocks = RichTextConverter.blocks(fromHTML: Data(raw.utf8)).blocks
                    parts.append(blocks.map(\.plainText).joined(separator: " "))
                } else {
                    parts.append(raw)
                }
                continue
            }
            stack += current.elements.reversed()
        }
        return Self.collapse(parts.joined(separator: " "))
    }

    static func metadata(_ item: XMLElement, label: String) -> String? {
        for field in descendants(of: item, named: "qtimetadatafield")
        where Self.collapse(field.element(named: "fieldlabel")?.textContent ?? "") == label {
            return Self.collapse(field.element(named: "fieldentry")?.textContent ?? "")
        }
        return nil
    }

    static func descendants(of element: XMLElement, named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(element.elements.reversed())
        while let current = stack.popLast() {
            if current.name == name { found.append(current) }
            stack += current.elements.reversed()
        }
        return found
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
