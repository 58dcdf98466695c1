import CurriculumModel
import CurriculumPluginKit
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
                "    <testcase classname=\"curriculum.validate\" name=\"\(MarkupEscaping.attribute(name))\" file=\"\(MarkupEscaping.attribute(name))\">\n"
            if !failing.isEmpty {
                failures += 1
                let first = failing[0]
                let body = failing.map(Self.line).joined(separator: "\n")
                cases +=
                    "      <failure type=\"\(first.code)\" message=\"\(MarkupEscaping.attribute("\(failing.count) problem\(failing.count == 1 ? "" : "s"): \(first.message)"))\">\(MarkupEscaping.text(body))</failure>\n"
            }
            let others = diagnostics.filter { !input.fails($0) }
            if !others.isEmpty {
                cases +=
                    "      <system-out>\(MarkupEscaping.text(others.map(Self.line).joined(separator: "\n")))</system-out>\n"
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
