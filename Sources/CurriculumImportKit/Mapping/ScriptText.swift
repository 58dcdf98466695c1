/// Writes superscripts and subscripts as plain text, which the model's rich text has no markup for: with Unicode
/// superscript or subscript characters when every character has one (`mc²`, `H₂O`), else with `^(…)` or `_(…)`,
/// so that `E = mc2` never reads as a different formula.
public enum ScriptText {
    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]

    /// `text` raised: `2` → `²`, `k` → `^k`, `n+1` → `ⁿ⁺¹`, `2k` → `^(2k)`.
    public static func superscript(_ text: String) -> String {
        write(text, with: superscripts, marker: "^")
    }

    /// `text` lowered: `2` → `₂`, `max` → `_max`, `i+1` → `_(i+1)`.
    public static func `subscript`(_ text: String) -> String {
        write(text, with: subscripts, marker: "_")
    }

    private static func write(_ text: String, with table: [Character: Character], marker: String) -> String {
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty else { return "" }
        let mapped = trimmed.compactMap { table[$0] }
        if mapped.count == trimmed.count { return String(mapped) }
        return trimmed.count == 1 ? marker + trimmed : marker + "(" + trimmed + ")"
    }
}
