import Foundation

/// A VTIMEZONE for an IANA zone, built from Foundation's time zone data.
///
/// Each observance is written out explicitly, without RRULE: one STANDARD or DAYLIGHT sub-component per offset
/// change, with the onset as DTSTART in the local time before the change (RFC 5545 §3.6.5). The component covers
/// the calendar years of the events: it starts with the observance in force on 1 January of the first year (the
/// change that began it, when one happened in the year before) and lists every change up to the end of the last
/// year. Zones without changes get one STANDARD observance. No TZNAME is written: Foundation's abbreviations
/// differ between platforms (`CET` on macOS, `GMT+1` on Linux) and the output must not.
struct VTimeZone {
    struct Observance: Equatable {
        var isDaylight: Bool
        /// Local wall-clock onset in the offset before the change, `YYYYMMDDTHHMMSS`.
        var start: String
        var offsetFrom: Int
        var offsetTo: Int
    }

    let identifier: String
    private(set) var observances: [Observance] = []

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// Builds the component for `zone` over the years `firstYear...lastYear`.
    init(zone: TimeZone, firstYear: Int, lastYear: Int) {
        identifier = zone.identifier
        let calendar = Self.utc
        guard let rangeStart = calendar.date(from: DateComponents(year: firstYear, month: 1, day: 1)),
            let rangeEnd = calendar.date(from: DateComponents(year: lastYear + 1, month: 1, day: 2)),
            let lookback = calendar.date(from: DateComponents(year: firstYear - 1, month: 1, day: 1))
        else { return }
        // A day's margin either side, so events early on 1 January in zones far from UTC are covered.
        let coverStart = rangeStart.addingTimeInterval(-86_400)

        var previous: Date?
        var changes: [Date] = []
        var cursor = lookback
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= rangeEnd {
            if next <= coverStart { previous = next } else { changes.append(next) }
            cursor = next
        }

        if let previous {
            observances.append(Self.observance(at: previous, in: zone))
        } else {
            let offset = zone.secondsFromGMT(for: coverStart)
            observances.append(
                Observance(
                    isDaylight: zone.isDaylightSavingTime(for: coverStart), start: "19700101T000000",
                    offsetFrom: offset, offsetTo: offset))
        }
        observances += changes.map { Self.observance(at: $0, in: zone) }
    }

    private static func observance(at change: Date, in zone: TimeZone) -> Observance {
        let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
        let to = zone.secondsFromGMT(for: change)
        return Observance(
            isDaylight: zone.isDaylightSavingTime(for: change), start: localTime(change, offset: from),
            offsetFrom: from, offsetTo: to)
    }

    /// The wall-clock time of an instant at a UTC offset, `YYYYMMDDTHHMMSS`.
    private static func localTime(_ instant: Date, offset: Int) -> String {
        let parts = utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: instant.addingTimeInterval(TimeInterval(offset)))
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        let year = parts.year ?? 1970
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        let date = yearText + two(parts.month) + two(parts.day)
        return date + "T" + two(parts.hour) + two(parts.minute) + two(parts.second)
    }

    /// A UTC offset as RFC 5545 writes it: `+0100`, `-0430`, `+053328` when there are seconds.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = sign + two(magnitude / 3600) + two(magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + two(magnitude % 60)
    }

    func write(to document: inout ICSDocument) {
        document.begin("VTIMEZONE")
        document.text("TZID", identifier)
        for observance in observances {
            let name = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            document.begin(name)
            document.raw("DTSTART", observance.start)
            document.raw("TZOFFSETFROM", Self.offset(observance.offsetFrom))
            document.raw("TZOFFSETTO", Self.offset(observance.offsetTo))
            document.end(name)
        }
        document.end("VTIMEZONE")
    }
}
