public import CurriculumModel
import CurriculumPluginKit
import CurriculumXML
import Foundation

/// The translation round trip on a loaded programme: its translatable texts, an XLIFF file of them for one
/// language, and translations from such a file written back into the `<t xml:lang>` children of the source files.
public struct TranslationExchange: Sendable {
    public let loaded: LoadedCurriculum

    public init(loaded: LoadedCurriculum) {
        self.loaded = loaded
    }

    /// The programme's source language.
    public var sourceLanguage: String { loaded.curriculum?.language ?? "en" }

    /// Every translatable text of every file of the programme, in file and document order.
    public func texts() -> [TranslatableText] {
        loaded.files.flatMap { file -> [TranslatableText] in
            guard let root = parse(file)?.root else { return [] }
            return TranslatableTextFinder(file: file).texts(in: root)
        }
    }

    private func parse(_ file: String) -> XMLParseOutcome? {
        try? HardenedXMLParser().parse(contentsOf: loaded.root.absolute(file))
    }

    /// What an import did.
    public struct ImportOutcome: Sendable {
        /// Root-relative file → its new bytes, for every file with at least one change.
        public var files: [String: [UInt8]] = [:]
        /// Units refused, one finding each.
        public var diagnostics: [Diagnostic] = []
        public var written = 0
        public var unchanged = 0
        /// Units with no translation in them.
        public var empty = 0
    }

    /// Writes the translations of the units into the source files' bytes (returned, not yet saved).
    public func apply(_ units: [XLIFFDocument.Unit]) -> ImportOutcome {
        var outcome = ImportOutcome()
        var byFile: [String: [XLIFFDocument.Unit]] = [:]
        var order: [String] = []
        for unit in units {
            if byFile[unit.file] == nil { order.append(unit.file) }
            byFile[unit.file, default: []].append(unit)
        }
        for file in order {
            let fileUnits = byFile[file] ?? []
            guard loaded.files.contains(file),
                let data = FileManager.default.contents(atPath: loaded.root.absolute(file)),
                let root = parse(file)?.root
            else {
                for unit in fileUnits where unit.target != nil {
                    outcome.diagnostics.append(
                        finding(
                            "XLF002", "\(file) is not a file of \(loaded.curriculum?.id ?? "the programme")",
                            at: unit.location, hint: "Export again from the curriculum the file belongs to."))
                }
                continue
            }
            let texts = Dictionary(
                TranslatableTextFinder(file: file).texts(in: root).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var editor = SourceEditor(bytes: Array(data))
            var changed = false
            for unit in fileUnits {
                guard let target = unit.target else {
                    outcome.empty += 1
                    continue
                }
                guard let text = texts[unit.id] else {
                    outcome.diagnostics.append(
                        finding(
                            "XLF002", "no text \"\(unit.id)\" in \(file); it was moved or removed since the export",
                            at: unit.location, hint: "Export again and translate the new file."))
                    continue
                }
                guard unit.fingerprint == text.fingerprint else {
                    outcome.diagnostics.append(
                        finding(
                            "XLF001",
                            "the source of \"\(unit.id)\" changed since the export; its \(unit.targetLanguage) translation was not written",
                            at: text.location,
                            hint: "Export again, check the translation against the new source, and import that file."))
                    continue
                }
                guard let markup = translationMarkup(target, form: text.form) else {
                    outcome.diagnostics.append(
                        finding(
                            "XLF003", "the translation of \"\(unit.id)\" is not well-formed markup; it was not written",
                            at: unit.location, hint: "Keep every tag of the source, closed and in order."))
                    continue
                }
                if text.translations[unit.targetLanguage]?.content
                    == TranslatableTextFinder.content(
                        of: markupChildren(markup), form: text.form),
                    text.translations[unit.targetLanguage]?.rev == text.rev
                {
                    outcome.unchanged += 1
                    continue
                }
                guard let span = editor.locate(line: text.location.line, column: text.location.column),
                    let closeStart = span.closeStart
                else {
                    outcome.diagnostics.append(
                        finding(
                            "XLF002", "cannot find <\(text.element)> of \"\(unit.id)\" in \(file)", at: text.location))
                    continue
                }
                let rev = text.rev.map { " rev=\"\($0)\"" } ?? ""
                let element =
                    "<t xml:lang=\"\(MarkupEscaping.attribute(unit.targetLanguage))\"\(rev)>\(markup)</t>"
                if let existing = span.translations[unit.targetLanguage] {
                    editor.replace(existing, with: element)
                } else {
                    let (offset, prefix) =
                        text.form == .text || (text.form == .markup && Self.isLabel(text.element))
                        ? (closeStart, "") : editor.insertionPoint(before: closeStart)
                    editor.replace(offset..<offset, with: prefix + element)
                }
                changed = true
                outcome.written += 1
            }
            if changed { outcome.files[file] = editor.applied() }
        }
        return outcome
    }

    private static func isLabel(_ element: String) -> Bool { TranslatableTextFinder.labels.contains(element) }

    /// The content of a `<t>` for a translation: escaped text, a paragraph, or the markup as given when it parses.
    private func translationMarkup(_ target: String, form: TranslatableText.Form) -> String? {
        switch form {
        case .text: return MarkupEscaping.text(target)
        case .paragraph: return "<p>" + MarkupEscaping.text(target) + "</p>"
        case .markup:
            let wrapped = Array("<t xmlns=\"\(NativeFormat.namespace)\">\(target)</t>".utf8)
            let outcome = wrapped.withUnsafeBytes { HardenedXMLParser().parse($0, url: "translation") }
            guard outcome.root != nil, !outcome.problems.contains(where: { $0.kind != .schemaViolation }) else {
                return nil
            }
            return target
        }
    }

    private func markupChildren(_ markup: String) -> [XMLContent] {
        let wrapped = Array("<t xmlns=\"\(NativeFormat.namespace)\">\(markup)</t>".utf8)
        return wrapped.withUnsafeBytes { HardenedXMLParser().parse($0, url: "translation") }.root?.children ?? []
    }

    private func finding(
        _ code: String, _ message: String, at location: SourceLocation, hint: String? = nil
    )
        -> Diagnostic
    {
        Diagnostic(severity: .error, code: code, message: message, hint: hint, location: location)
    }

    /// One row of `curriculum translate status`.
    public struct Coverage: Sendable, Equatable {
        public var language: String
        public var declared: Bool
        public var participant: (translated: Int, stale: Int, total: Int)
        public var all: (translated: Int, stale: Int, total: Int)

        public static func == (lhs: Coverage, rhs: Coverage) -> Bool {
            lhs.language == rhs.language && lhs.declared == rhs.declared && lhs.participant == rhs.participant
                && lhs.all == rhs.all
        }
    }

    /// Coverage per language: the programme's declared translation languages, and any other found in `<t>`.
    public func coverage(of texts: [TranslatableText]) -> [Coverage] {
        let declared = loaded.curriculum?.meta.translationLanguages ?? []
        var languages = declared
        for text in texts {
            for language in text.translations.keys.sorted() where !languages.contains(language) {
                languages.append(language)
            }
        }
        return languages.map { language in
            func count(_ subset: [TranslatableText]) -> (Int, Int, Int) {
                let states = subset.map { $0.status(in: language) }
                return (
                    states.filter { $0 == .translated }.count, states.filter { $0 == .stale }.count, subset.count
                )
            }
            return Coverage(
                language: language, declared: declared.contains(language),
                participant: count(texts.filter { $0.readers == .participant }), all: count(texts))
        }
    }
}
