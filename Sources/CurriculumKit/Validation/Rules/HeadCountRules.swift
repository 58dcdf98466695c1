import CurriculumModel

/// Checks a delivery's head counts against its room and the group design of the activities it schedules.
///
/// A delivery states its expected participants (`participants=`) and, optionally, a fixed group size
/// (`group-size=`) and the room's capacity (`capacity=` on `<venue>`). Print totals and groups follow these
/// numbers, so a delivery whose numbers cannot work is worth a warning before anything is printed.
enum HeadCountRules: RuleSet {
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let curriculum = context.curriculum
        for delivery in curriculum.deliveries {
            guard let participants = delivery.participants else { continue }
            if let capacity = delivery.roomCapacity, participants > capacity {
                report.report(
                    .tim014,
                    "delivery \"\(delivery.id)\" expects \(participants) participants, more than its room holds (capacity \(capacity))",
                    at: delivery.location)
            }
            if let size = delivery.groupSize, size > participants {
                report.report(
                    .tim014,
                    "delivery \"\(delivery.id)\" has groups of \(size), more than its \(participants) participants",
                    at: delivery.location)
            }
            for run in delivery.runs {
                guard let session = curriculum.session(run.session) else { continue }
                for item in session.allItems where item.grouping == "pairs" && participants % 2 == 1 {
                    report.report(
                        .tim014,
                        "\"\(item.id)\" works in pairs, but delivery \"\(delivery.id)\" expects an odd number of participants (\(participants))",
                        at: item.location,
                        hint: "Plan one group of three, or say who pairs with the odd one out.")
                }
            }
        }
    }
}
