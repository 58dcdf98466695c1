/// A wall-clock time of day in minutes after midnight, written `HH:MM`.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after midnight; may exceed a day when an agenda runs past midnight.
    public var minutes: Int

    /// Creates a time from minutes after midnight.
    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// Parses `HH:MM` (24-hour clock).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
            let mins = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(mins)
        else { return nil }
        minutes = hours * 60 + mins
    }

    /// The time after some minutes.
    public func adding(minutes delta: Int) -> ClockTime { ClockTime(minutes: minutes + delta) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    /// `HH:MM`; times past midnight wrap (`00:30`), with a `+1` day marker.
    public var description: String {
        let day = minutes / (24 * 60)
        let inDay = minutes % (24 * 60)
        let text = "\(inDay / 60 < 10 ? "0" : "")\(inDay / 60):\(inDay % 60 < 10 ? "0" : "")\(inDay % 60)"
        return day > 0 ? "\(text)+\(day)" : text
    }
}
