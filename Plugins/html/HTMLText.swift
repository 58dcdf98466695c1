import Foundation

/// Number formatting the pages need besides the kit's escaping (`HTMLEscaping`).
///
/// Everything the exporter writes into a page goes through `HTMLEscaping` or through Mustache's `{{…}}` (which
/// escapes the same five characters); only values whose key ends in `Html` or `Svg` are inserted raw, and those are
/// built from escaped pieces by this plugin.
enum HTMLText {
    /// A number with one decimal, independent of locale: `12.5`, `3.0`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
