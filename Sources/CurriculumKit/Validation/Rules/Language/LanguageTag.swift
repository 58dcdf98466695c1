import Foundation

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
