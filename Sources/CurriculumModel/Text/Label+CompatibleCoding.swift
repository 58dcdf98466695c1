/// How a free-text field that used to be a plain string travels in JSON now that it is a ``Label``.
///
/// Plugins written for model 1.0 read these fields as strings, so the string stays under its old key (the text
/// in the source language) and the whole label — translations and revision — goes under a twin key named
/// `<field>Label`, only when it carries more than the text. Old readers ignore the twin; new readers prefer it; a
/// model with strings only (an old importer's answer) still decodes.
extension Label {
    /// Whether the label carries anything a plain string cannot: translations or a revision.
    var needsFullForm: Bool { !translations.isEmpty || revision != nil }
}

extension KeyedEncodingContainer {
    /// Writes a label's text under `key` and, when it has translations or a revision, the label under `labelKey`.
    mutating func encodeCompatibly(_ label: Label?, text key: Key, label labelKey: Key) throws {
        guard let label else { return }
        try encode(label.text, forKey: key)
        if label.needsFullForm { try encode(label, forKey: labelKey) }
    }

    /// Writes labels' texts as a string array under `key` and, when any has translations or a revision, the labels
    /// as an array of the same length under `labelKey`.
    mutating func encodeCompatibly(_ labels: [Label], texts key: Key, labels labelKey: Key) throws {
        try encode(labels.map(\.text), forKey: key)
        if labels.contains(where: \.needsFullForm) { try encode(labels, forKey: labelKey) }
    }
}

extension KeyedDecodingContainer {
    /// Reads a label written by ``KeyedEncodingContainer/encodeCompatibly(_:text:label:)``, or a plain string.
    func decodeCompatibleLabel(text key: Key, label labelKey: Key) throws -> Label? {
        if let label = try decodeIfPresent(Label.self, forKey: labelKey) { return label }
        return try decodeIfPresent(String.self, forKey: key).map { Label($0) }
    }

    /// Reads labels written by ``KeyedEncodingContainer/encodeCompatibly(_:texts:labels:)``, or plain strings;
    /// a missing list is empty.
    func decodeCompatibleLabels(texts key: Key, labels labelKey: Key) throws -> [Label] {
        if let labels = try decodeIfPresent([Label].self, forKey: labelKey) { return labels }
        return try decodeIfPresent([String].self, forKey: key)?.map { Label($0) } ?? []
    }
}
