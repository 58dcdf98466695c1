import CurriculumXML
import Foundation

/// The part of a video a component plays: `start_time` and `end_time` (`HH:MM:SS`), written into the link so the
/// clip, not the whole recording, is what participants open.
struct OLXClip {
    var start: Double?
    var end: Double?

    init(_ element: XMLElement) {
        start = Self.seconds(element[attribute: "start_time"]).flatMap { $0 > 0 ? $0 : nil }
        end = Self.seconds(element[attribute: "end_time"]).flatMap { $0 > 0 ? $0 : nil }
    }

    /// `&start=…&end=…` for a YouTube watch link.
    var youTubeParameters: String {
        var text = ""
        if let start { text += "&start=\(Int(start))" }
        if let end { text += "&end=\(Int(end.rounded(.up)))" }
        return text
    }

    /// `#t=start,end`, the media-fragment form any HTML5 player understands.
    var mediaFragment: String {
        guard start != nil || end != nil else { return "" }
        let from = start.map { Self.format($0) } ?? "0"
        return "#t=" + from + (end.map { "," + Self.format($0) } ?? "")
    }

    /// The clip's length, when it has an end (and, for a clip running to the end, when the recording's length
    /// is known).
    func length(of recording: Double?) -> Double? {
        let from = start ?? 0
        if let end, end > from { return end - from }
        if start != nil, let recording, recording > from { return recording - from }
        return nil
    }

    /// `00:01:18` → 78; `78` → 78.
    static func seconds(_ text: String?) -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        var total = 0.0
        for part in text.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return total
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
