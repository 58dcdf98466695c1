import CurriculumModel

/// `path:line:col: error[CODE]: message`, a hint line, and a summary; coloured only when asked. Paths, messages,
/// hints, codes and plugin names can come from file names, content and plugins, so each passes through
/// ``TerminalText`` before it is printed.
struct TextRenderer {
    let input: RenderInput

    func render() -> String {
        var output = ""
        for diagnostic in input.report.diagnostics {
            output += line(for: diagnostic) + "\n"
            if let hint = hintLine(for: diagnostic) {
                output += "    " + paint("hint:", "36") + " " + TerminalText.escaped(hint) + "\n"
            }
        }
        output += input.report.summary.sentence + "\n"
        return output
    }

    /// The codes `curriculum explain` knows: the core's.
    private static let explainable = Set(RuleRegistry.descriptors.map(\.code.rawValue))

    /// The hint, followed by the command that explains the code, for every core code; a plugin's own hint as is.
    private func hintLine(for diagnostic: Diagnostic) -> String? {
        let isCore = diagnostic.source == nil || diagnostic.source == ToolVersion.name
        guard isCore, Self.explainable.contains(diagnostic.code) else { return diagnostic.hint }
        let explain = "curriculum explain \(diagnostic.code)"
        guard let hint = diagnostic.hint else { return "`\(explain)` says more" }
        return "\(hint) (`\(explain)`)"
    }

    private func line(for diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\(TerminalText.escaped($0.path)):\($0.line):\($0.column): " } ?? ""
        let color =
            switch diagnostic.severity {
            case .error: "31"
            case .warning: "33"
            case .info: "34"
            }
        // The same word as `--fail-on` and `curriculum rules` use: error, warning, info.
        let label = diagnostic.severity.rawValue
        let source = diagnostic.source.map { $0 == ToolVersion.name ? "" : " (\(TerminalText.escaped($0)))" } ?? ""
        return paint(place, "1") + paint("\(label)[\(TerminalText.escaped(diagnostic.code))]:", "1;" + color) + " "
            + TerminalText.escaped(diagnostic.message) + source
    }

    private func paint(_ text: String, _ code: String) -> String {
        guard input.usesColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
