import Foundation

/// Turns libxml2's schema-validation messages into rule codes and plain sentences with "did you mean".
///
/// libxml2 writes messages such as `Element 'itme': This element is not expected. Expected is one of ( item,
/// use )`; users should instead read `unexpected element <itme>; did you mean <item>?` with code STR003.
struct SchemaMessageClassifier {
    struct Finding {
        var rule: any Rule.Type
        var message: String
        var hint: String?
    }

    /// Classifies one message; returns `nil` for messages that only repeat the one before them.
    ///
    /// libxml2 reports a bad attribute value twice: once for the failed facet (`[facet 'enumeration'] … set {…}`)
    /// and once for the type (`… is not a valid value of the atomic type 'x'`). The facet message is kept for
    /// enumerations (it lists the allowed values); the type message for patterns (it names the type).
    func classify(_ raw: String, followsFacetMessage: Bool) -> Finding? {
        if raw.contains("[facet 'pattern']") { return nil }
        if raw.contains("is not a valid value of the") && followsFacetMessage
            && !raw.contains("'durationType'") && !raw.contains("'clockTimeType'")
        {
            return nil
        }
        if raw.contains("is not a valid value of the list type") && followsFacetMessage { return nil }
        return classifyMessage(raw)
    }

    private func classifyMessage(_ raw: String) -> Finding {
        let element = quoted(after: "Element ", in: raw)
        let attribute = quoted(after: "attribute ", in: raw)
        let subject = element.map { "<\($0)>" } ?? "element"

        if raw.contains("No matching global declaration available for the validation root") {
            return Finding(
                rule: NotACurriculumDocument.self, message: "\(subject) is not a root element of the curriculum format",
                hint: nil)
        }
        if raw.contains("This element is not expected") {
            let expected = expectedList(in: raw)
            return unexpectedElement(element ?? "?", expected: expected)
        }
        if raw.contains("Missing child element") {
            let expected = expectedList(in: raw)
            let list = expected.map { "<\($0)>" }.joined(separator: " or ")
            return Finding(
                rule: RequiredPartMissing.self,
                message: "\(subject) is missing a required child element\(list.isEmpty ? "" : ": \(list)")", hint: nil)
        }
        if let name = quoted(after: "The attribute ", in: raw), raw.contains("is required but missing") {
            return Finding(
                rule: RequiredPartMissing.self, message: "\(subject) is missing the required attribute \(name)=",
                hint: nil)
        }
        if raw.contains("is not allowed"), let name = attribute ?? quoted(after: "The attribute ", in: raw) {
            let suggestion = Suggestions.closest(to: name, among: CurriculumSchema.attributeNames)
            return Finding(
                rule: UnknownAttribute.self, message: "unknown attribute \(name)= on \(subject)",
                hint: suggestion.map { "Did you mean \($0)=?" }
                    ?? "Remove it; see docs/format.md for the attributes of \(subject).")
        }
        if let value = quoted(after: "] The value ", in: raw) ?? quotedValueBeforeAtomic(raw) {
            return invalidValue(raw, value: value, element: element, attribute: attribute)
        }
        if raw.contains("Character content other than whitespace is not allowed") {
            return Finding(
                rule: UnexpectedElement.self, message: "text is not allowed directly inside \(subject)",
                hint: "Put the text in a child element such as <p> or <title>.")
        }
        if raw.contains("Element content is not allowed") || raw.contains("is not allowed") {
            return Finding(rule: UnexpectedElement.self, message: sentence(raw), hint: nil)
        }
        return Finding(rule: InvalidValue.self, message: sentence(raw), hint: nil)
    }

    private func unexpectedElement(_ name: String, expected: [String]) -> Finding {
        let known = CurriculumSchema.elementNames.contains(name)
        let expectedText = expected.prefix(8).map { "<\($0)>" }.joined(separator: ", ")
        if known {
            let message = "<\(name)> is not allowed here" + (expected.isEmpty ? "" : "; expected \(expectedText)")
            return Finding(
                rule: UnexpectedElement.self, message: message,
                hint: "Check the order of elements: docs/format.md gives it for each element.")
        }
        let suggestion =
            Suggestions.closest(to: name, among: expected)
            ?? Suggestions.closest(to: name, among: CurriculumSchema.elementNames)
        let message = "unknown element <\(name)>" + (expected.isEmpty ? "" : "; expected \(expectedText)")
        return Finding(rule: UnexpectedElement.self, message: message, hint: suggestion.map { "Did you mean <\($0)>?" })
    }

    private func invalidValue(_ raw: String, value: String, element: String?, attribute: String?) -> Finding {
        let target = attribute.map { "\($0)=" } ?? element.map { "<\($0)>" } ?? "value"
        if raw.contains("'durationType'") {
            return Finding(
                rule: InvalidDuration.self, message: "\(target) \"\(value)\" is not an ISO 8601 duration",
                hint: InvalidDuration.descriptor.hint)
        }
        if raw.contains("'clockTimeType'") {
            return Finding(
                rule: InvalidClockTime.self, message: "\(target) \"\(value)\" is not a HH:MM time",
                hint: InvalidClockTime.descriptor.hint)
        }
        if raw.contains("set {") {
            let allowed = setValues(in: raw)
            let suggestion = Suggestions.closest(to: value, among: allowed)
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            return Finding(
                rule: InvalidValue.self, message: "\(target) \"\(value)\" is not one of \(list)",
                hint: suggestion.map { "Did you mean \"\($0)\"?" })
        }
        if raw.contains("'xs:NCName'") || raw.contains("'idType'") || raw.contains("'idRefType'") {
            return Finding(
                rule: InvalidValue.self, message: "\(target) \"\(value)\" is not a valid ID",
                hint: "IDs start with a letter or _ and contain letters, digits, -, _ and . only (no spaces or colons)."
            )
        }
        return Finding(
            rule: InvalidValue.self, message: "\(target) \"\(value)\" is not valid: \(sentence(raw))", hint: nil)
    }

    // MARK: - Scanning libxml2's wording

    private func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker + "'") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    private func quotedValueBeforeAtomic(_ text: String) -> String? {
        guard text.contains("is not a valid value of") else { return nil }
        guard let colon = text.range(of: "': '") else { return nil }
        let rest = text[colon.upperBound...]
        guard let end = rest.range(of: "' is not a valid value") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    private func expectedList(in text: String) -> [String] {
        guard let open = text.range(of: "( "), let close = text.range(of: " )", range: open.upperBound..<text.endIndex)
        else {
            return []
        }
        return text[open.upperBound..<close.lowerBound].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty && $0 != "##other" }
    }

    private func setValues(in text: String) -> [String] {
        guard let open = text.range(of: "set {"),
            let close = text.range(of: "}", range: open.upperBound..<text.endIndex)
        else {
            return []
        }
        return text[open.upperBound..<close.lowerBound].split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " '"))
        }
    }

    private func sentence(_ raw: String) -> String {
        var text = raw
        if let colon = raw.range(of: ": ", options: .backwards), raw.hasPrefix("Element") {
            let head = raw[..<colon.lowerBound]
            let tail = raw[colon.upperBound...]
            text =
                "\(head.replacingOccurrences(of: "Element ", with: "<").replacingOccurrences(of: "'", with: "")) \(tail)"
            if text.hasPrefix("<"), let space = text.firstIndex(of: " ") {
                text.insert(">", at: space)
            }
        }
        return text
    }
}
