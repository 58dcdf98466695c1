import CurriculumModel

/// SAF008: Distressing activities back to back. Checks that a sensitive simulation or role-play does not
/// come next after another high-sensitivity activity on the same day, breaks and meals aside.
enum DistressingBackToBack: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "SAF008", family: .safety, severity: .warning, title: "Distressing activities back to back",
        explanation:
            "Discussing a real attack or its victims and then acting out a crisis as the next activity leaves participants no time to step out of the first before the second; a coffee break or lunch does not change that. A debrief or a calmer activity in between, or another day, lets people recover and lets facilitators notice who is affected.",
        hint:
            "Move one of the two to another day, or put a debrief or a calmer activity between them.",
        example: RuleExample(
            trigger:
                "<use module=\"m\" activity=\"a-attack-case\"/> <item kind=\"break\" …/> <use module=\"m\" activity=\"a-crisis-simulation\"/>",
            fix:
                "<use module=\"m\" activity=\"a-attack-case\"/> <item id=\"debrief\" kind=\"plenary\" duration=\"PT15M\">…</item> <use module=\"m\" activity=\"a-crisis-simulation\"/>"
        ))

    /// Kinds where participants act something out.
    private static let enacted: Set<ActivityKind> = [.rolePlay, .exercise]

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let highCases = Set(context.allCaseStudies.filter { $0.sensitivity == "high" }.map(\.id))
        func isDistressing(_ item: Activity) -> Bool {
            item.sensitivity == "high" || item.cases.contains { highCases.contains($0) }
        }
        for session in context.curriculum.sessions {
            for day in session.days {
                var previous: Activity?
                for item in day.agenda {
                    // A break or a meal is not a step out of the first activity: the next working item is what
                    // follows it.
                    if item.kind.isPause { continue }
                    if let before = previous, isDistressing(before), ["medium", "high"].contains(item.sensitivity),
                        enacted.contains(item.kind)
                    {
                        report.report(
                            Self.self,
                            "\(item.kind) \"\(item.id)\" (sensitivity \(item.sensitivity ?? "")) comes next after \"\(before.id)\" in session \"\(session.id)\", with no time to recover",
                            at: item.placement ?? item.location)
                    }
                    previous = item
                }
            }
        }
    }
}
