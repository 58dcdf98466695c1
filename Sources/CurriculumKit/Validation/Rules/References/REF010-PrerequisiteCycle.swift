import CurriculumModel

/// REF010: Prerequisite cycle. Follows session prerequisites and reports each cycle once.
enum PrerequisiteCycle: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF010", family: .references, severity: .error, title: "Prerequisite cycle",
        explanation:
            "Sessions name each other as prerequisites in a loop, so no order can satisfy them.",
        hint: "Remove one prerequisite of the cycle.",
        example: RuleExample(
            trigger: "<session id=\"s1\" prerequisites=\"s2\"> … <session id=\"s2\" prerequisites=\"s1\">",
            fix: "<session id=\"s1\"> … <session id=\"s2\" prerequisites=\"s1\">"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let sessions = Dictionary(
            context.curriculum.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var reported = Set<String>()
        for start in context.curriculum.sessions {
            var frontier = [(start.id, [start.id])]
            var visited = Set<String>()
            while let (current, trail) = frontier.popLast() {
                for next in sessions[current]?.prerequisites ?? [] {
                    if next == start.id {
                        let path = trail + [next]
                        let key = Set(path).sorted().joined(separator: ",")
                        if reported.insert(key).inserted {
                            report.report(
                                Self.self, "prerequisites form a cycle: \(path.joined(separator: " → "))",
                                at: start.location)
                        }
                    } else if visited.insert(next).inserted {
                        frontier.append((next, trail + [next]))
                    }
                }
            }
        }
    }
}
