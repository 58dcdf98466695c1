import CurriculumImportKit
import CurriculumPluginKit

/// The options of an import (the plugin's `options` in `curriculum.json`).
struct ImportOptions: Equatable {
    /// The language when the package declares none (`defaultLanguage`, a BCP 47 tag).
    var defaultLanguage = "en"
    /// The duration of agenda items without a typical learning time (`defaultDuration`, ISO 8601). By default
    /// (`nil`, or the option `none`) they are left without one: there is no silent default, and the core's rule
    /// `TIM002` asks for one.
    var defaultDuration: String?
    /// The bounds on the package when it is an archive (`maxExpandedMB` raises or lowers the total).
    var archiveLimits = ArchiveLimits.standard

    /// Reads the options.
    ///
    /// - Throws: `RPCError` (invalid params) naming the option that is not usable.
    init(_ options: [String: JSONValue]) throws {
        archiveLimits = try ArchiveLimits(options: options)
        if let value = options["defaultLanguage"], value != .null {
            guard let tag = value.stringValue, Self.isLanguageTag(tag) else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams,
                    message: "option defaultLanguage must be a language tag such as \"en\" or \"fr-BE\"")
            }
            defaultLanguage = tag
        }
        if let value = options["defaultDuration"], value != .null {
            guard let text = value.stringValue, text == "none" || LearningTime.isoDuration(text) != nil else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams,
                    message: "option defaultDuration must be a duration such as \"PT30M\", or \"none\"")
            }
            defaultDuration = text == "none" ? nil : LearningTime.isoDuration(text)
        }
    }

    /// Whether a text has the shape of a BCP 47 tag: a 2–8 letter language, then 1–8 letter or digit subtags.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
