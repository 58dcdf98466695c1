import CurriculumPluginKit

/// The importer's options (`--option KEY=VALUE`).
struct OLXOptions {
    /// How subsections are laid out: `days` (each subsection a day of its chapter's session, the default) or
    /// `blocks` (one day per chapter; each subsection's title leads its units' titles).
    enum Layout: String {
        case days, blocks
    }

    var layout: Layout = .days
    /// The language when the course does not name one.
    var defaultLanguage = "en"

    init(_ options: [String: JSONValue]) throws {
        if let value = options["sequentials"] {
            guard let text = value.stringValue, let layout = Layout(rawValue: text) else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams, message: "option sequentials must be days or blocks")
            }
            self.layout = layout
        }
        if let value = options["defaultLanguage"] {
            guard let text = value.stringValue, !text.isEmpty else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams,
                    message: "option defaultLanguage must be a language tag")
            }
            defaultLanguage = text
        }
    }
}
