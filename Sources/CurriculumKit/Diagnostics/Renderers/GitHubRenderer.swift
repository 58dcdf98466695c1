import Foundation

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub shows as annotations.
struct GitHubRenderer {
    let input: RenderInput

    func render() -> String {
        var output = ""
        for diagnostic in input.report.diagnostics {
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties += [
                    "file=\(Self.property(location.path))", "line=\(location.line)", "col=\(location.column)",
                ]
            }
            properties.append("title=\(Self.property(diagnostic.code))")
            let text = diagnostic.hint.map { "\(diagnostic.message)\n\($0)" } ?? diagnostic.message
            output += "::\(command) \(properties.joined(separator: ","))::\(Self.data(text))\n"
        }
        output += input.report.summary.sentence + "\n"
        return output
    }

    /// Escapes a message: `%`, CR and LF as the workflow-command syntax wants, then every other control
    /// character as ``TerminalText`` does, since the job log is shown on a terminal-like viewer.
    static func data(_ value: String) -> String {
        TerminalText.escaped(
            value.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// Escapes a property value: as a message, plus `:` and `,`.
    static func property(_ value: String) -> String {
        data(value).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
