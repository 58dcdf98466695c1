import Foundation

/// One kind of sensitive text: how it is found, what the byte pre-filter must let through for it, and an example
/// it must find. Patterns live in ``SensitiveTextDetector/patterns``; the pre-filter is built from them.
struct SensitivePattern: Sendable {
    /// Which rule reports a match.
    enum Category: Sendable {
        /// E-mail addresses and telephone numbers (SAF004, in participant-facing text only).
        case personalData
        /// Passwords, keys and tokens (SAF005, in every text).
        case secret
    }

    /// What a text must contain for the pattern to be able to match. The pre-filter looks for it byte by byte, so
    /// the costly regular expression only runs on the few texts that have it.
    enum Trigger: Sendable, Equatable {
        /// A byte such as `@`. It must lie between `-` and `_` (0x2D...0x5F), the bytes the screen looks at.
        case byte(UInt8)
        /// At least this many ASCII digits.
        case digits(Int)
        /// These exact bytes, in this case. At least one of them must lie between `-` and `_`.
        case marker(String)
        /// One of these lower-case keywords, in any case, and a `:` or `=` somewhere in the text.
        case keywordAndSeparator([String])
    }

    var category: Category
    /// The description in messages: `a password`, or `the e-mail address` followed by the match.
    var name: String
    /// Whether the message quotes the matched text after the name.
    var quotesMatch: Bool = false
    /// The pattern proper.
    var expression: NSRegularExpression?
    /// The pre-filter: any one of these lets the text through to the expression.
    var triggers: [Trigger]
    /// A further check of a match the expression cannot express (telephone numbers are not years).
    var accepts: (@Sendable (Substring) -> Bool)? = nil
    /// A text the pattern must find, checked by the unit tests through the pre-filter and the expression.
    var example: String

    /// The description of a match in `text`, or `nil` when there is none.
    func match(in text: String) -> String? {
        guard let expression else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let found = expression.firstMatch(in: text, range: range), let bounds = Range(found.range, in: text)
        else { return nil }
        if let accepts, !accepts(text[bounds]) { return nil }
        return quotesMatch ? "\(name) \"\(text[bounds])\"" : name
    }
}
