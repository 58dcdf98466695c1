import CurriculumModel
import CurriculumXML
import Foundation

/// Reads a LOM record, element by element on local names, so that every LOM binding the flavours use — CC's
/// profiles, SCORM 2004's IEEE LOM, SCORM 1.2's IMS Meta-data 1.2.1 — is read the same way. What the model has
/// no place for is reported once per element name and file.
struct LOMReader {
    /// The file the record is in.
    let file: String

    /// Reads a `<lom>` element.
    func read(_ lom: XMLElement, state: inout ImportState) -> LOMRecord {
        var record = LOMRecord()
        for category in lom.elements {
            switch category.name.lowercased() {
            case "general": general(category, into: &record, state: &state)
            case "educational": educational(category, into: &record, state: &state)
            case "rights": rights(category, into: &record, state: &state)
            case "lifecycle", "metametadata", "technical", "relation", "annotation", "classification":
                state.notImported(category, in: file, what: "a LOM category")
            default: state.unknownElement(category, in: file, parent: lom.name)
            }
        }
        return record
    }

    private func general(_ element: XMLElement, into record: inout LOMRecord, state: inout ImportState) {
        for child in element.elements {
            switch child.name.lowercased() {
            case "title": record.titles += Self.langStrings(child)
            case "description": record.descriptions += Self.langStrings(child)
            case "language":
                let text = Self.plain(child.textContent)
                if record.language == nil, !text.isEmpty { record.language = text }
            case "keyword": record.keywords += Self.langStrings(child).map(\.text)
            case "identifier", "catalogentry", "structure", "aggregationlevel", "coverage":
                state.notImported(child, in: file, what: "LOM general information")
            default: state.unknownElement(child, in: file, parent: element.name)
            }
        }
    }

    private func educational(_ element: XMLElement, into record: inout LOMRecord, state: inout ImportState) {
        for child in element.elements {
            switch child.name.lowercased() {
            case "typicallearningtime":
                // LOM: <duration>; IMS MD 1.2: <datetime>; some tools write the text directly.
                let value = child.elements.first { ["duration", "datetime"].contains($0.name.lowercased()) }
                let text = Self.plain((value ?? child).textContent)
                if record.learningTime == nil {
                    record.learningTime = LOMRecord.LearningTime(
                        text: text, location: state.location(value ?? child, in: file))
                }
                for other in child.elements
                where !["duration", "datetime", "description"].contains(other.name.lowercased()) {
                    state.unknownElement(other, in: file, parent: child.name)
                }
            case "intendedenduserrole":
                let value = child.element(named: "value") ?? child
                let text = Self.plain(value.textContent)
                if !text.isEmpty { record.roles.append(text) }
            case "interactivitytype", "learningresourcetype", "interactivitylevel", "semanticdensity", "context",
                "typicalagerange", "difficulty", "description", "language":
                state.notImported(child, in: file, what: "LOM educational information")
            default: state.unknownElement(child, in: file, parent: element.name)
            }
        }
    }

    private func rights(_ element: XMLElement, into record: inout LOMRecord, state: inout ImportState) {
        for child in element.elements {
            switch child.name.lowercased() {
            case "description":
                if let text = Self.langStrings(child).first?.text, record.licence == nil { record.licence = text }
            // Whether there is a cost or a copyright is implied by the licence text, which is kept.
            case "cost", "copyrightandotherrestrictions": continue
            default: state.unknownElement(child, in: file, parent: element.name)
            }
        }
    }

    /// The strings of a LOM text: `<string language>` (LOM), `<langstring xml:lang>` (IMS MD), or plain text.
    static func langStrings(_ element: XMLElement) -> [LOMRecord.LangString] {
        let strings = element.elements.filter { ["string", "langstring"].contains($0.name.lowercased()) }
        if strings.isEmpty {
            let text = plain(element.textContent)
            return text.isEmpty ? [] : [LOMRecord.LangString(text: text, language: nil)]
        }
        return strings.compactMap { string in
            let text = plain(string.textContent)
            guard !text.isEmpty else { return nil }
            return LOMRecord.LangString(
                text: text, language: string[attribute: "language"] ?? string[attribute: "xml:lang"])
        }
    }

    /// Text with its whitespace runs collapsed to single spaces (line breaks between paragraphs are kept).
    static func plain(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").map { paragraph in
            paragraph.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
