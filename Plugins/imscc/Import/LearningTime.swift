import CurriculumImportKit
import Foundation

/// Reads the typical learning times packages write as the ISO 8601 durations of the native format.
///
/// LOM writes ISO 8601 (`PT1H30M`, also `P0DT1H30M` or with seconds); SCORM 1.2 tools write the CMI timespan
/// `HH:MM:SS` or `HHHH:MM:SS.SS`. Free text that ``DurationText`` understands (`45 minutes`) is accepted too.
enum LearningTime {
    /// The duration in whole minutes as ISO 8601 (`PT1H30M`), or `nil` when the text is not a positive duration
    /// that fits on an agenda.
    static func isoDuration(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        if let minutes = timespanMinutes(trimmed) {
            return minutes > 0 ? format(minutes) : nil
        }
        return DurationText.isoDuration(withoutEmptyDate(trimmed))
    }

    /// Minutes of a CMI timespan (`HH:MM:SS`, `HHHH:MM:SS.SS`, `H:MM`); seconds are rounded to the minute.
    static func timespanMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard isDigits(parts[0]), isDigits(parts[1]), parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), minutes < 60
        else { return nil }
        var seconds = 0.0
        if parts.count == 3 {
            guard let value = Double(parts[2]), parts[2].first?.isNumber == true, value < 60 else { return nil }
            seconds = value
        }
        return hours * 60 + minutes + (seconds >= 30 ? 1 : 0)
    }

    /// `P0DT1H` → `PT1H`; `P0Y0M0DT45M` → `PT45M`. A date part that is not all zero is kept (and refused later).
    private static func withoutEmptyDate(_ text: String) -> String {
        let upper = text.uppercased()
        guard upper.hasPrefix("P"), !upper.hasPrefix("PT"), let timeStart = upper.firstIndex(of: "T") else {
            return text
        }
        let datePart = upper[upper.index(after: upper.startIndex)..<timeStart]
        let isEmpty = datePart.allSatisfy { $0 == "0" || $0 == "Y" || $0 == "M" || $0 == "D" || $0 == "W" }
        return isEmpty ? "PT" + upper[upper.index(after: timeStart)...] : text
    }

    /// `PT1H30M` for 90 minutes.
    static func format(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (rest > 0 ? "\(rest)M" : "")
    }
}
