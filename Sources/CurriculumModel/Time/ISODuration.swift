/// The subset of ISO 8601 durations curricula use: weeks, days, hours, minutes and seconds (`PT1H30M`, `P14D`).
///
/// Years and months are refused: their length depends on the calendar, and no training activity needs them.
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    /// The length in whole minutes (seconds are rounded down).
    public var minutes: Int

    /// Parses a duration; returns `nil` for anything that is not `P[nW][nD][T[nH][nM][nS]]` with at least one part.
    public init?(_ text: String) {
        var scanner = text.utf8[...]
        guard scanner.popFirst() == UInt8(ascii: "P"), !scanner.isEmpty else { return nil }
        var total = 0
        var inTime = false
        var sawPart = false
        var number: Int? = nil
        var lastUnitRank = -1
        var seconds = 0
        while let byte = scanner.popFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                let (shifted, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow, shifted < 1_000_000_000 else { return nil }
                number = shifted + digit
            case UInt8(ascii: "T"):
                guard !inTime, number == nil, !scanner.isEmpty else { return nil }
                inTime = true
            default:
                guard let value = number, let (rank, factor) = Self.unit(byte, inTime: inTime),
                    rank > lastUnitRank
                else { return nil }
                lastUnitRank = rank
                if rank == 4 { seconds = value } else { total += value * factor }
                number = nil
                sawPart = true
            }
        }
        guard sawPart, number == nil else { return nil }
        minutes = total + seconds / 60
    }

    /// A unit letter's order in the format and its length in minutes (seconds are counted apart).
    private static func unit(_ letter: UInt8, inTime: Bool) -> (rank: Int, minutes: Int)? {
        switch (letter, inTime) {
        case (UInt8(ascii: "W"), false): (0, 7 * 24 * 60)
        case (UInt8(ascii: "D"), false): (1, 24 * 60)
        case (UInt8(ascii: "H"), true): (2, 60)
        case (UInt8(ascii: "M"), true): (3, 1)
        case (UInt8(ascii: "S"), true): (4, 0)
        default: nil
        }
    }

    /// Creates a duration of whole minutes.
    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// The canonical text: `PT1H30M`, `PT45M`, `P2D`, `PT0M`.
    public var description: String {
        var text = "P"
        let days = minutes / (24 * 60)
        let hours = (minutes % (24 * 60)) / 60
        let mins = minutes % 60
        if days > 0 { text += "\(days)D" }
        if hours > 0 || mins > 0 || days == 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if mins > 0 || hours == 0 { text += "\(mins)M" }
        }
        return text
    }

    /// A short human form: `1 h 30 min`, `45 min`.
    public var humanReadable: String {
        let hours = minutes / 60
        let mins = minutes % 60
        switch (hours, mins) {
        case (0, _): return "\(mins) min"
        case (_, 0): return "\(hours) h"
        default: return "\(hours) h \(mins) min"
        }
    }
}
