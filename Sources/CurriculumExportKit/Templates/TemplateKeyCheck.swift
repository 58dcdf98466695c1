/// A key a template uses that its view model does not have: rendered, it would print nothing.
public struct TemplateKeyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The template the tag is in (its name, or a partial's name).
    public let template: String
    public let line: Int
    public let column: Int
    /// The name as written in the tag.
    public let key: String

    public var description: String { "\(template):\(line):\(column): unknown key \"\(key)\"" }
}

/// Checks the keys a template uses against the shape of its view model, resolving each name as Mustache does:
/// in the innermost section's value first, then outwards.
public enum TemplateKeyCheck {
    /// The keys of a template its view model lacks.
    ///
    /// - Parameters:
    ///   - template: The template's text.
    ///   - name: Its name, for the problems (a file name or a template name).
    ///   - shape: The shape of the view model it is rendered with.
    ///   - partials: The texts of the templates it may include by name; each included one is checked where it is
    ///     included, with the sections open there.
    public static func problems(
        in template: String, named name: String, shape: TemplateShape, partials: [String: String] = [:]
    ) -> [TemplateKeyProblem] {
        var problems: [TemplateKeyProblem] = []
        check(template, named: name, stack: [shape], partials: partials, including: [name], into: &problems)
        return problems
    }

    private static func check(
        _ template: String, named name: String, stack start: [TemplateShape], partials: [String: String],
        including: [String], into problems: inout [TemplateKeyProblem]
    ) {
        var stack = start
        for tag in TemplateTag.tags(in: template) {
            let found: TemplateShape?
            switch tag.kind {
            case .close:
                if stack.count > start.count { stack.removeLast() }
                continue
            case .block:
                // A block's content renders with the enclosing values.
                stack.append(.value)
                continue
            case .partial:
                if let text = partials[tag.name], !including.contains(tag.name) {
                    check(
                        text, named: tag.name, stack: stack, partials: partials, including: including + [tag.name],
                        into: &problems)
                }
                continue
            case .variable, .section, .invertedSection:
                found = tag.key.isEmpty ? .value : resolve(tag.key, in: stack)
            }
            if found == nil {
                problems.append(TemplateKeyProblem(template: name, line: tag.line, column: tag.column, key: tag.name))
            }
            switch tag.kind {
            case .section where !tag.isTransformed:
                switch found {
                case .list(let element): stack.append(element)
                case .record(let fields): stack.append(.record(fields))
                default: stack.append(.value)
                }
            case .section, .invertedSection:
                stack.append(.value)
            default: break
            }
        }
    }

    /// The shape a name refers to, or `nil` when no open value has it. `a.b` looks `a` up outwards, then `b` in it;
    /// `.` is the innermost value; `.a` looks only in the innermost value.
    static func resolve(_ name: String, in stack: [TemplateShape]) -> TemplateShape? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return nil }
        var shape: TemplateShape? = nil
        let candidates = name.hasPrefix(".") ? [stack.last ?? .value] : stack.reversed()
        for frame in candidates {
            if let field = frame.fields[first] {
                shape = field
                break
            }
        }
        for part in parts.dropFirst() {
            shape = shape?.fields[part]
        }
        return shape
    }
}
