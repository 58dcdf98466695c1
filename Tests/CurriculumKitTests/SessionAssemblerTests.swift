import CurriculumKit
import CurriculumModel
import Testing

@Suite struct SessionAssemblerTests {
    static func module(_ id: String, minutes: [Int]) -> Module {
        Module(
            id: id, title: Label(id),
            activities: minutes.enumerated().map {
                Activity(
                    id: "\(id)-a\($0.offset)", kind: .exercise, title: "A",
                    duration: ISODuration(minutes: $0.element).description)
            })
    }

    @Test(arguments: [
        [90, 90, 90, 60, 45], [60, 60, 60, 60, 60, 60, 30], [85, 85, 85, 85], [45, 45, 45, 45, 45, 45, 45, 45],
    ])
    func noDayIsLongerThanEightHoursOrNinetyMinutesWithoutAPause(minutes: [Int]) throws {
        let curriculum = Curriculum(id: "p", title: "P", language: "en", modules: [Self.module("m", minutes: minutes)])
        let result = try SessionAssembler().assemble(.init(modules: ["m"], days: 2), from: curriculum)
        for day in result.days {
            #expect(day.end.minutes - day.start.minutes <= 8 * 60, "day runs \(day.start)–\(day.end)")
            var stretch = 0
            for entry in day.entries {
                if case .item(_, let kind, _, _, _) = entry, kind.isPause {
                    stretch = 0
                } else {
                    stretch += entry.minutes
                    #expect(stretch <= 90, "more than 90 minutes without a pause")
                }
            }
        }
    }

    @Test func refusesWithTheShortfall() {
        let curriculum = Curriculum(
            id: "p", title: "P", language: "en", modules: [Self.module("m", minutes: [240, 240, 240])])
        #expect(throws: SessionAssembler.Refusal.self) {
            try SessionAssembler().assemble(.init(modules: ["m"], days: 1), from: curriculum)
        }
    }
}
