import CurriculumModel
import CurriculumPluginKit

/// Writes an assembled session as a `<session>` document of the native format.
public enum AssembledSessionWriter {
    /// The XML document.
    public static func xml(_ session: SessionAssembler.Result) -> String {
        let e = MarkupEscaping.attribute
        var lines: [String] = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append(
            "<!-- Assembled by `curriculum assemble` from modules \(session.modules.joined(separator: ", ")). -->")
        var attributes =
            "xmlns=\"\(NativeFormat.namespace)\" format-version=\"\(NativeFormat.version)\" id=\"\(e(session.id))\" days=\"\(session.days.count)\""
        if let audience = session.audience { attributes += " audience=\"\(e(audience))\"" }
        lines.append("<session \(attributes)>")
        lines.append("  <title>\(MarkupEscaping.text(session.title))</title>")
        if !session.objectives.isEmpty {
            lines.append("  <objectives-ref refs=\"\(e(session.objectives.joined(separator: " ")))\"/>")
        }
        for (index, day) in session.days.enumerated() {
            lines.append("  <day n=\"\(index + 1)\" nominal-start=\"\(day.start)\" ends=\"\(day.end)\">")
            lines.append("    <agenda>")
            for entry in day.entries {
                switch entry {
                case .use(let module, let activity, _):
                    lines.append("      <use module=\"\(e(module))\" activity=\"\(e(activity))\"/>")
                case .adapted(let module, let activity, let minutes):
                    var copy = activity
                    copy.id = "\(session.id)-\(activity.id)"
                    copy.duration = ISODuration(minutes: minutes).description
                    // IDs may hold "--", which a comment may not.
                    let name = "\(activity.id) of module \(module)".replacing("--", with: "- -")
                    lines.append(
                        "      <!-- \(name), at \(ISODuration(minutes: minutes).humanReadable) instead of \(ISODuration(minutes: activity.minutes ?? 0).humanReadable) -->"
                    )
                    lines += NativeXMLWriter().item(copy, depth: 3)
                case .item(let id, let kind, let minutes, let title, let notes):
                    lines.append(
                        "      <item id=\"\(e(id))\" kind=\"\(kind)\" duration=\"\(ISODuration(minutes: minutes))\">")
                    lines.append("        <title>\(MarkupEscaping.text(title))</title>")
                    if !notes.isEmpty {
                        lines.append(
                            "        <facilitator-notes><p>\(MarkupEscaping.text(notes))</p></facilitator-notes>")
                    }
                    lines.append("      </item>")
                }
            }
            lines.append("    </agenda>")
            lines.append("  </day>")
        }
        lines.append("  <evaluation>")
        lines.append("    <instrument id=\"\(e(session.id))-evaluation\" kind=\"post\">")
        lines.append("      <title>End of session evaluation</title>")
        for module in session.modules { lines.append("      <questions-from module=\"\(e(module))\"/>") }
        lines.append("    </instrument>")
        lines.append("  </evaluation>")
        lines.append("</session>")
        return lines.joined(separator: "\n") + "\n"
    }
}
