/// One Mustache tag of a template, with where it starts: enough to check the keys a template uses without
/// rendering it.
public struct TemplateTag: Sendable, Equatable {
    /// What a tag does with its name.
    public enum Kind: Sendable, Equatable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
        case variable
        /// `{{#name}}`: renders its content for the value, once per element of a list.
        case section
        /// `{{^name}}`: renders its content when the value is missing, false or empty.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{>name}}`: includes another template.
        case partial
        /// `{{$name}}` and `{{<name}}`: template inheritance, which opens a block like a section.
        case block
    }

    public let kind: Kind
    /// The name as written, with any transform (`empty(steps)`, `last()`).
    public let name: String
    /// 1-based line and column of the tag's opening delimiter.
    public let line: Int
    public let column: Int

    /// The key the tag reads: the name inside any transforms (`steps` in `empty(steps)`); empty for a transform
    /// of the list position such as `last()`.
    public var key: String {
        var key = Substring(name)
        while key.hasSuffix(")") { key = key.dropLast() }
        if let open = key.lastIndex(of: "(") { key = key[key.index(after: open)...] }
        return key.trimmingCharacters(in: " ")
    }

    /// Whether the name is wrapped in a transform (`empty(…)`), whose result is a flag or a value, not the key's.
    public var isTransformed: Bool { name.contains("(") }

    /// The tags of a template, in order. Comments, set-delimiter tags and pragmas are read and left out; an
    /// unclosed tag ends the list (the Mustache parser reports it).
    public static func tags(in template: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        let text = Array(template)
        var line = 1
        var column = 1
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if text[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            position + delimiter.count <= text.count && Array(text[position..<position + delimiter.count]) == delimiter
        }
        func find(_ delimiter: [Character], from position: Int) -> Int? {
            var at = position
            while at + delimiter.count <= text.count {
                if matches(delimiter, at: at) { return at }
                at += 1
            }
            return nil
        }
        while let start = find(open, from: index) {
            advance(to: start)
            let (tagLine, tagColumn) = (line, column)
            var contentStart = start + open.count
            var closing = close
            // `{{{name}}}` is closed by one more brace.
            if open == ["{", "{"], contentStart < text.count, text[contentStart] == "{" {
                contentStart += 1
                closing = ["}"] + close
            }
            guard let end = find(closing, from: contentStart) else { break }
            let content = String(text[contentStart..<end]).trimmingCharacters(in: " \t\r\n")
            advance(to: end + closing.count)
            guard let sigil = content.first else { continue }
            let rest = String(content.dropFirst()).trimmingCharacters(in: " \t\r\n")
            let kind: Kind?
            switch sigil {
            case "!", "%": kind = nil
            case "=":
                // `{{=<% %>=}}` sets new delimiters for the rest of the template.
                let parts = rest.dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
                kind = nil
            case "#": kind = .section
            case "^": kind = .invertedSection
            case "/": kind = .close
            case ">": kind = .partial
            case "$", "<": kind = .block
            case "&": kind = .variable
            default: kind = .variable
            }
            guard let kind else { continue }
            let name = kind == .variable && sigil != "&" && sigil != "{" ? content : rest
            tags.append(TemplateTag(kind: kind, name: name, line: tagLine, column: tagColumn))
        }
        return tags
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String { Substring(self).trimmingCharacters(in: set) }
}
