import CurriculumModel

/// TIM005: No break for more than 90 minutes. Checks the working time between pauses of each day.
enum NoBreak: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM005", family: .timing, severity: .warning, title: "No break for more than 90 minutes",
        explanation:
            "Attention drops after about ninety minutes; agenda blocks longer than that without a break, meal or travel tire participants.",
        hint: "Insert a break.",
        example: RuleExample(
            trigger: "<use … activity=\"a-input\"/> (PT1H) <use … activity=\"a-case\"/> (PT1H)",
            fix:
                "<use … activity=\"a-input\"/> <item id=\"s1-break\" kind=\"break\" duration=\"PT15M\">…</item> <use … activity=\"a-case\"/>"
        ))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            for day in session.days {
                let name = DaySpan.name(of: day, in: session)
                var stretch = 0
                var stretchStart: String? = nil
                for item in day.agenda {
                    if item.kind.isPause {
                        stretch = 0
                        stretchStart = nil
                        continue
                    }
                    if stretchStart == nil { stretchStart = item.id }
                    let before = stretch
                    stretch += item.minutes ?? 0
                    if before <= longestStretch && stretch > longestStretch {
                        report.report(
                            Self.self,
                            "\(name) runs \(ISODuration(minutes: stretch).humanReadable) without a break, from \"\(stretchStart ?? "")\" to \"\(item.id)\"",
                            at: item.agendaLocation)
                    }
                }
            }
        }
    }

    /// The longest stretch without a pause, in minutes.
    static let longestStretch = 90
}
