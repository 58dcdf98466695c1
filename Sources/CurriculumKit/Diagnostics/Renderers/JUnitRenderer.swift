import CurriculumModel
import Foundation

/// JUnit XML: one test case per file, failing when the file has diagnostics at or above `--fail-on`.
struct JUnitRenderer {
    let input: RenderInput

    func render() -> String {
        let byFile = Dictionary(grouping: input.report.diagnostics) { $0.location?.path ?? "" }
        var files = input.report.files
        for path in byFile.keys where !path.isEmpty && !files.contains(path) { files.append(path) }
        files.sort()
        if byFile[""] != nil { files.insert("", at: 0) }
        var cases = ""
        var failures = 0
        for file in files {
            let diagnostics = byFile[file] ?? []
            let failing = diagnostics.filter(input.fails)
            let name = file.isEmpty ? "(no file)" : file
            cases +=
                "    <testcase classname=\"curriculum.validate\" name=\"\(XMLEscaping.attribute(name))\" file=\"\(XMLEscaping.attribute(name))\">\n"
            if !failing.isEmpty {
                failures += 1
                let first = failing[0]
                let body = failing.map(Self.line).joined(separator: "\n")
                cases +=
                    "      <failure type=\"\(first.code)\" message=\"\(XMLEscaping.attribute("\(failing.count) problem\(failing.count == 1 ? "" : "s"): \(first.message)"))\">\(XMLEscaping.text(body))</failure>\n"
            }
            let others = diagnostics.filter { !input.fails($0) }
            if !others.isEmpty {
                cases +=
                    "      <system-out>\(XMLEscaping.text(others.map(Self.line).joined(separator: "\n")))</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="curriculum validate" tests="\(files.count)" failures="\(failures)" errors="0">
              <testsuite name="curriculum" tests="\(files.count)" failures="\(failures)" errors="0" skipped="0">
            \(cases)  </testsuite>
            </testsuites>

            """
    }

    private static func line(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
        return "\(place)\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)"
            + (diagnostic.hint.map { " (hint: \($0))" } ?? "")
    }
}

/// Escaping for XML written by hand.
public enum XMLEscaping {
    /// Escapes text content.
    public static func text(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // Control characters are not allowed in XML 1.0 at all.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Escapes an attribute value written between double quotes.
    public static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\t", with: "&#9;").replacingOccurrences(of: "\r", with: "&#13;")
    }
}
