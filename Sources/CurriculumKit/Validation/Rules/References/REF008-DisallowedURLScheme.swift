import CurriculumModel

/// REF008: Disallowed URL scheme. Checks the scheme of every link target.
enum DisallowedURLScheme: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF008", family: .references, severity: .error, title: "Disallowed URL scheme",
        explanation:
            "Links may use https, http or mailto only; javascript:, file: and data: links are refused.",
        hint: "Use an https:// link.",
        example: RuleExample(
            trigger: "<link href=\"javascript:alert(1)\">the map</link>",
            fix: "<link href=\"https://example.org/map\">the partner map</link>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for target in context.linkTargets {
            let lowered = target.href.lowercased()
            guard let colon = lowered.firstIndex(of: ":"), !lowered.hasPrefix("https://"),
                !lowered.hasPrefix("mailto:"),
                !lowered.hasPrefix("http://")
            else { continue }
            let scheme = lowered[..<colon]
            if scheme.count > 1 && scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) {
                report.report(
                    Self.self, "link \"\(target.href)\" uses the scheme \"\(scheme)\", which is not allowed",
                    at: target.location)
            }
        }
    }
}
