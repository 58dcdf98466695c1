import Foundation

/// The one rule for links written from content into any output: only `http:`, `https:` and `mailto:` targets
/// become links, so `javascript:`, `data:`, `file:` and relative paths stay plain text.
public enum LinkPolicy {
    /// The target to write for a link in content, trimmed, or `nil` when it must not become a link (another
    /// scheme, or a space or control character inside).
    public static func safeExternalHref(_ href: String?) -> String? {
        guard let href else { return nil }
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            return nil
        }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return trimmed
    }
}
