import CurriculumModel
import Foundation

/// Checks language tags and translations.
enum LanguageRules: RuleSet {
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        var declared = Set(c.meta.translationLanguages)
        declared.insert(c.language)
        if c.language.isEmpty {
            report.report(
                .str005, "<programme> is missing the required attribute xml:lang=", at: c.location,
                hint: "Add xml:lang=\"en\" (the source language).")
        } else {
            tag(c.language, "xml:lang of the programme", c.location, &report)
        }
        for language in c.meta.translationLanguages { tag(language, "<languages translations>", c.location, &report) }
        for resource in context.allResources {
            if let language = resource.language {
                tag(language, "xml:lang of resource \"\(resource.id)\"", resource.location, &report)
            }
        }
        for session in c.sessions {
            for language in session.translationLanguages {
                tag(language, "translations= of session \"\(session.id)\"", session.location, &report)
                if !declared.contains(language) {
                    report.report(
                        .lng004,
                        "session \"\(session.id)\" asks for \"\(language)\" translations, but the programme does not declare that language",
                        at: session.location)
                }
            }
        }
        // A language the programme declares must reach every session and module, or each one that lacks it is listed.
        for language in c.meta.translationLanguages where language.lowercased() != c.language.lowercased() {
            for session in c.sessions
            where !session.translationLanguages.contains(where: { $0.lowercased() == language.lowercased() }) {
                report.report(
                    .lng002,
                    "session \"\(session.id)\" is not given in \"\(language)\", a translation language of the programme",
                    at: session.location, hint: "Translate it and add \(language) to its translations=.")
            }
            for module in c.modules
            where !module.title.hasTranslation(language)
                && !module.activities.contains(where: { $0.title.hasTranslation(language) })
            {
                report.report(
                    .lng002,
                    "module \"\(module.id)\" has no \"\(language)\" translation, a translation language of the programme",
                    at: module.location, hint: "Add <t xml:lang=\"\(language)\"> to its title and texts.")
            }
        }
        let inventory = context.texts
        for entry in inventory.uniqueEntries {
            switch entry.content {
            case .label(let label):
                guard !label.translations.isEmpty else { continue }
                translations(
                    label.translations.lazy.map { ($0.language, $0.revision) }, source: label.revision, of: entry,
                    &report)
            case .rich(let text):
                guard !text.translations.isEmpty else { continue }
                translations(
                    text.translations.lazy.map { ($0.language, $0.revision) }, source: text.revision, of: entry,
                    &report)
            }
        }
        for session in c.sessions where !session.translationLanguages.isEmpty {
            for entry in inventory.participantEntries(ofSession: session.id) {
                for language in session.translationLanguages
                where !hasTranslation(entry.content, language) && !isEmpty(entry.content) {
                    report.report(
                        .lng002,
                        "the \(entry.role) has no \"\(language)\" translation (session \"\(session.id)\" is given in \(language))",
                        at: entry.location)
                }
            }
        }
    }

    /// Checks the translations of one text: valid tags, one per language, none older than the source.
    private static func translations(
        _ translations: some Sequence<(String, Int?)>, source revision: Int?, of entry: TextInventory.Entry,
        _ report: inout DiagnosticCollector
    ) {
        // Most texts have one translation: the list of the others is only made when there are more.
        var first: String? = nil
        var others: [String] = []
        for (language, translated) in translations {
            if language == first || others.contains(language) {
                report.report(.lng005, "the \(entry.role) has two \"\(language)\" translations", at: entry.location)
            } else if first == nil {
                first = language
            } else {
                others.append(language)
            }
            guard tag(language, "a translation of the \(entry.role)", entry.location, &report) else { continue }
            if let revision, revision > (translated ?? 0) {
                report.report(
                    .lng003,
                    "the \"\(language)\" translation of the \(entry.role) is of revision \(translated ?? 0); the source is at \(revision)",
                    at: entry.location)
            }
        }
    }

    private static func hasTranslation(_ content: TextInventory.Content, _ language: String) -> Bool {
        switch content {
        case .label(let label): label.hasTranslation(language)
        case .rich(let text): text.hasTranslation(language)
        }
    }

    private static func isEmpty(_ content: TextInventory.Content) -> Bool {
        switch content {
        case .label(let label): label.text.isEmpty
        case .rich(let text): text.blocks.isEmpty
        }
    }

    /// Reports an invalid tag; returns whether the tag is valid.
    @discardableResult
    private static func tag(
        _ value: String, _ role: @autoclosure () -> String, _ location: SourceLocation?,
        _ report: inout DiagnosticCollector
    ) -> Bool {
        if LanguageTag.isValid(value) { return true }
        report.report(
            .lng001, "\(role()) is \"\(value)\", which is not a BCP 47 language tag", at: location,
            hint: LanguageTag.hint(for: value))
        return false
    }
}

/// A pragmatic BCP 47 well-formedness check: language, optional script, optional region, variants, extensions.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        // Nearly every tag is a bare two- or three-letter language: settle those without splitting.
        let utf8 = tag.utf8
        if (2...3).contains(utf8.count), utf8.allSatisfy({ (0x61...0x7A).contains($0 | 0x20) }) { return true }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count) || (5...8).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return tag.lowercased().hasPrefix("x-") && parts.count > 1 }
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy({ $0.isASCII && $0.isLetter }) {
            index += 1
        }
        if index < parts.count,
            (parts[index].count == 2 && parts[index].allSatisfy({ $0.isASCII && $0.isLetter }))
                || (parts[index].count == 3 && parts[index].allSatisfy(\.isNumber))
        {
            index += 1
        }
        while index < parts.count {
            let part = parts[index]
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return false
            }
            if part.count == 1 { return index + 1 < parts.count }
            guard part.count >= 5 || (part.count == 4 && part.first?.isNumber == true) else { return false }
            index += 1
        }
        return true
    }

    static func hint(for value: String) -> String {
        if value.contains("_") { return "Use a hyphen: \(value.replacingOccurrences(of: "_", with: "-"))." }
        return "Use a tag such as en, fr, nl-BE or pt-BR."
    }
}
