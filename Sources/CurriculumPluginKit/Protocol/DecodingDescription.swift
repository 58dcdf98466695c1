/// Short descriptions of decoding errors that name the path of the offending field, for protocol messages on both
/// sides of the channel.
public enum DecodingDescription {
    /// `missing field result.diagnostics`, `wrong type at result.diagnostics (…)`, or the error's own text.
    public static func of(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return
                "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")) (\(context.debugDescription))"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}
