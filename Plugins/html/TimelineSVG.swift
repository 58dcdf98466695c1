import CurriculumExportKit
import CurriculumModel

/// The picture of one day: a horizontal bar of coloured blocks, one per agenda item, each as wide as the item is
/// long, numbered like the agenda table, with an hour scale underneath. Inline SVG with `role="img"`, a `<title>`
/// and a `<desc>` that reads out the whole day for screen readers.
struct TimelineSVG {
    /// The colour groups of agenda items.
    enum Category: String, CaseIterable {
        case input, active, plenary, energiser, evaluation, pause, other

        init(_ kind: ActivityKind) {
            switch kind {
            case .input: self = .input
            case .groupWork, .caseDiscussion, .rolePlay, .exercise, .siteVisit: self = .active
            case .welcome, .plenary, .closing, .meeting: self = .plenary
            case .energiser: self = .energiser
            case .evaluation: self = .evaluation
            case .break, .meal, .travel: self = .pause
            default: self = .other
            }
        }

        /// Fill colours light enough for dark text and for printing.
        var fill: String {
            switch self {
            case .input: "#bcd7f0"
            case .active: "#c6e6bd"
            case .plenary: "#fbe6a6"
            case .energiser: "#f8cfa6"
            case .evaluation: "#dcc8ec"
            case .pause: "#e4e4e4"
            case .other: "#f2c4c4"
            }
        }
    }

    let day: Timetable.DaySchedule
    /// Numbers shown in the blocks, by slot index (the agenda table uses the same numbers).
    let numbers: [Int]
    /// Item titles in the page's language, by slot index.
    let titles: [String]
    let text: UIText

    static let width = 800.0
    static let margin = 16.0
    static let barTop = 4.0
    static let barHeight = 52.0
    /// The label font size, and the average width of a character at that size (for shortening labels).
    static let labelSize = 12.0
    static let characterWidth = 7.0

    /// The SVG, or `nil` when the day has no timed items.
    func render() -> String? {
        let start = day.start.minutes
        let total = day.end.minutes - start
        guard total > 0 else { return nil }
        let scale = (Self.width - 2 * Self.margin) / Double(total)
        let x = { (minutes: Int) in Self.margin + Double(minutes - start) * scale }
        let prefix = "tl-d\(day.day.number)"
        let number = day.day.number
        let heading = "\(text["timelineOf"]) \(number)"
        let description =
            "\(heading) \(text["runsFrom"]) \(day.start) \(text["to"]) \(day.end), \(day.slots.count) \(text["items"]): "
            + day.slots.enumerated().map { index, slot in
                "\(numbers[index]). \(slot.start)–\(slot.end) \(titles[index])"
            }.joined(separator: "; ") + "."
        let height = Self.barTop + Self.barHeight + 30
        var svg = ""
        svg +=
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\" preserveAspectRatio=\"xMinYMin meet\">\n"
        svg += "<title id=\"\(prefix)-title\">\(HTMLEscaping.escape(heading))</title>\n"
        svg += "<desc id=\"\(prefix)-desc\">\(HTMLEscaping.escape(description))</desc>\n"
        svg += "<defs>\n"
        for (index, slot) in day.slots.enumerated() where slot.end.minutes > slot.start.minutes {
            let left = x(slot.start.minutes)
            let width = Double(slot.end.minutes - slot.start.minutes) * scale
            svg +=
                "<clipPath id=\"\(prefix)-c\(index + 1)\"><rect x=\"\(HTMLText.decimal(left + 2))\" y=\"\(Int(Self.barTop))\" width=\"\(HTMLText.decimal(max(width - 4, 0)))\" height=\"\(Int(Self.barHeight))\"/></clipPath>\n"
        }
        svg += "</defs>\n"
        // The blocks.
        for (index, slot) in day.slots.enumerated() where slot.end.minutes > slot.start.minutes {
            let minutes = slot.end.minutes - slot.start.minutes
            let left = x(slot.start.minutes)
            let width = Double(minutes) * scale
            let category = Category(slot.item.kind)
            let tooltip =
                "\(numbers[index]). \(slot.start)–\(slot.end) \(titles[index]) (\(text.duration(minutes)))"
            svg += "<g class=\"tl-\(category.rawValue)\">"
            svg += "<title>\(HTMLEscaping.escape(tooltip))</title>"
            svg +=
                "<rect x=\"\(HTMLText.decimal(left))\" y=\"\(Int(Self.barTop))\" width=\"\(HTMLText.decimal(width))\" height=\"\(Int(Self.barHeight))\" fill=\"\(category.fill)\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
            if width >= 14 {
                svg +=
                    "<text x=\"\(HTMLText.decimal(left + width / 2))\" y=\"\(Int(Self.barTop + 19))\" text-anchor=\"middle\" class=\"tl-num\" font-size=\"14\" font-weight=\"bold\" fill=\"#1a1a1a\">\(numbers[index])</text>"
            }
            if let label = Self.shortened(titles[index], toFit: width - 8) {
                svg +=
                    "<text x=\"\(HTMLText.decimal(left + 4))\" y=\"\(Int(Self.barTop + 38))\" clip-path=\"url(#\(prefix)-c\(index + 1))\" class=\"tl-label\" font-size=\"\(Int(Self.labelSize))\" fill=\"#1a1a1a\">\(HTMLEscaping.escape(label))</text>"
            }
            svg += "</g>\n"
        }
        // The hour scale: a tick at each full hour, labelled, plus the start and the end.
        let axisY = Self.barTop + Self.barHeight
        svg +=
            "<line x1=\"\(Int(Self.margin))\" y1=\"\(Int(axisY + 2))\" x2=\"\(Int(Self.width - Self.margin))\" y2=\"\(Int(axisY + 2))\" class=\"tl-axis\" stroke=\"#666666\"/>\n"
        var ticks: [Int] = [start]
        var hour = (start / 60 + 1) * 60
        while hour < day.end.minutes {
            if x(hour) - x(start) >= 60 && x(day.end.minutes) - x(hour) >= 60 { ticks.append(hour) }
            hour += 60
        }
        ticks.append(day.end.minutes)
        for tick in ticks {
            let position = HTMLText.decimal(x(tick))
            let anchor = tick == start ? "start" : tick == day.end.minutes ? "end" : "middle"
            svg +=
                "<line x1=\"\(position)\" y1=\"\(Int(axisY + 2))\" x2=\"\(position)\" y2=\"\(Int(axisY + 8))\" class=\"tl-axis\" stroke=\"#666666\"/>"
            svg +=
                "<text x=\"\(position)\" y=\"\(Int(axisY + 22))\" text-anchor=\"\(anchor)\" class=\"tl-time\" font-size=\"12\" fill=\"#333333\">\(ClockTime(minutes: tick))</text>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// A label cut to the room a block has, with an ellipsis; `nil` when not even a few letters fit.
    static func shortened(_ title: String, toFit room: Double) -> String? {
        let fits = Int(room / characterWidth)
        guard fits >= 4 else { return nil }
        guard title.count > fits else { return title }
        var cut = String(title.prefix(fits - 1))
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// The categories a day uses, in a fixed order, for the legend under the picture.
    static func categories(in day: Timetable.DaySchedule) -> [Category] {
        let used = Set(day.slots.map { Category($0.item.kind) })
        return Category.allCases.filter(used.contains)
    }
}
