public import CurriculumModel
import CurriculumPluginKit
import CurriculumXML

/// XLIFF 1.2 as the translation exchange file: one `<file>` per curriculum file, one `<trans-unit>` per text.
///
/// Each unit carries, in CurriculumKit's own namespace, the fingerprint of the source text it was made from (so a
/// translation of a text that has since changed is refused on import), the text's form and its readers; a `<note>`
/// says the same in words for the translator.
public enum XLIFFDocument {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// CurriculumKit's attributes on XLIFF elements.
    public static let extensionNamespace = "urn:curriculumkit:xliff:1"

    /// One unit read back from a file.
    public struct Unit: Sendable, Equatable {
        /// The curriculum file, relative to the root (`<file original>`).
        public var file: String
        public var id: String
        public var targetLanguage: String
        public var fingerprint: String?
        /// The translation, or `nil` when the unit has none (or an empty one).
        public var target: String?
        /// Where the unit is in the XLIFF file.
        public var location: SourceLocation
    }

    /// The exchange file for texts into one language.
    ///
    /// - Parameter programme: The programme file as seen from the XLIFF file's folder, so `import` finds it.
    public static func write(
        _ texts: [TranslatableText], sourceLanguage: String, targetLanguage: String, programme: String
    ) -> String {
        let a = MarkupEscaping.attribute
        let t = MarkupEscaping.text
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<xliff version=\"1.2\" xmlns=\"\(namespace)\" xmlns:ck=\"\(extensionNamespace)\" ck:programme=\"\(a(programme))\">",
        ]
        var files: [String] = []
        for text in texts where !files.contains(text.file) { files.append(text.file) }
        for file in files {
            lines.append(
                "  <file original=\"\(a(file))\" source-language=\"\(a(sourceLanguage))\" target-language=\"\(a(targetLanguage))\" datatype=\"xml\">"
            )
            lines.append(
                "    <header><tool tool-id=\"\(ToolVersion.name)\" tool-name=\"\(ToolVersion.name)\" tool-version=\"\(ToolVersion.current)\"/></header>"
            )
            lines.append("    <body>")
            for text in texts where text.file == file {
                var attributes =
                    "id=\"\(a(text.id))\" resname=\"\(a(text.element))\" ck:fingerprint=\"\(text.fingerprint)\" ck:form=\"\(text.form.rawValue)\" ck:readers=\"\(text.readers.rawValue)\""
                if let rev = text.rev { attributes += " ck:rev=\"\(rev)\"" }
                lines.append("      <trans-unit \(attributes)>")
                lines.append("        <source>\(t(text.source))</source>")
                if let translation = text.translations[targetLanguage] {
                    let state = text.status(in: targetLanguage) == .stale ? "needs-review-translation" : "translated"
                    lines.append("        <target state=\"\(state)\">\(t(translation.content))</target>")
                }
                lines.append("        <note from=\"\(ToolVersion.name)\">\(t(note(for: text)))</note>")
                lines.append("      </trans-unit>")
            }
            lines.append("    </body>")
            lines.append("  </file>")
        }
        lines.append("</xliff>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func note(for text: TranslatableText) -> String {
        let readers =
            text.readers == .participant
            ? "participant text (participants receive it)" : "facilitator text (facilitators and organisers only)"
        let form =
            switch text.form {
            case .text, .paragraph: "plain text"
            case .markup:
                "keep the markup: <p>, <ul>/<ol> with <li>, <quote>, <em>, <strong>, <link href>, <term ref>; translate only the text between the tags"
            }
        return "\(readers); <\(text.element)> at \(text.location); \(form)"
    }

    /// Why an exchange file could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The units of an exchange file.
    public static func read(_ bytes: [UInt8], path: String) throws(ReadError) -> (programme: String?, units: [Unit]) {
        let outcome = bytes.withUnsafeBytes { HardenedXMLParser().parse($0, url: path) }
        if let problem = outcome.problems.first(where: { $0.kind != .schemaViolation }) {
            throw ReadError(description: "\(path):\(problem.position): \(problem.message)")
        }
        guard let root = outcome.root, root.name == "xliff", root.namespace == namespace else {
            throw ReadError(description: "\(path) is not an XLIFF 1.2 document (<xliff xmlns=\"\(namespace)\">)")
        }
        var units: [Unit] = []
        for file in root.elements(named: "file") {
            guard let original = file[attribute: "original"], let language = file[attribute: "target-language"] else {
                throw ReadError(
                    description: "\(path):\(file.position): <file> needs original= and target-language=")
            }
            collect(file, file: original, language: language, path: path, into: &units)
        }
        return (extensionAttribute(root, "programme"), units)
    }

    private static func collect(
        _ element: XMLElement, file: String, language: String, path: String, into units: inout [Unit]
    ) {
        for child in element.elements {
            guard child.name == "trans-unit" else {
                collect(child, file: file, language: language, path: path, into: &units)
                continue
            }
            let target = child.element(named: "target").map(\.textContent).map(TranslatableTextFinder.collapse)
            units.append(
                Unit(
                    file: file, id: child[attribute: "id"] ?? "", targetLanguage: language,
                    fingerprint: extensionAttribute(child, "fingerprint"),
                    target: target?.isEmpty == false ? target : nil,
                    location: SourceLocation(path: path, line: child.position.line, column: child.position.column)))
        }
    }

    private static func extensionAttribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes.first { $0.namespace == extensionNamespace && $0.name == name }?.value
    }
}
