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
            if let hint = diagnostic.hint {
                output += "    " + paint("hint:", "36") + " " + TerminalText.escaped(hint) + "\n"
            }
        }
        output += input.report.summary.sentence + "\n"
        return output
    }

    private func line(for diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\(TerminalText.escaped($0.path)):\($0.line):\($0.column): " } ?? ""
        let color =
            switch diagnostic.severity {
            case .error: "31"
            case .warning: "33"
            case .info: "34"
            }
        let label = diagnostic.severity == .info ? "note" : diagnostic.severity.rawValue
        let source = diagnostic.source.map { $0 == ToolVersion.name ? "" : " (\(TerminalText.escaped($0)))" } ?? ""
        return paint(place, "1") + paint("\(label)[\(TerminalText.escaped(diagnostic.code))]:", "1;" + color) + " "
            + TerminalText.escaped(diagnostic.message) + source
    }

    private func paint(_ text: String, _ code: String) -> String {
        guard input.usesColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
