import Foundation

/// Reads the durations other formats write — ISO 8601, clock notation, or words — as the ISO 8601 durations of
/// the native format.
///
/// Accepted: `PT1H30M`, `1:30`, `01:30:00` (hours, minutes, seconds), `90`-less forms with a unit such as
/// `45 min`, `45 minutes`, `1 hour`, `1.5 hours`, `1,5 h`, `1h30`, `1h 30m`, `2 hours 15 minutes`,
/// `an hour and a half`, `half an hour`. A bare number is refused (minutes or hours?), and so are days, weeks
/// and ranges, which do not fit on an agenda; the importer reports them.
public enum DurationText {
    /// The ISO 8601 duration, or `nil` when the text cannot be read unambiguously or comes to zero.
    public static func isoDuration(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let minutes = iso(trimmed) ?? clock(trimmed) ?? words(trimmed.lowercased())
        guard let minutes, minutes > 0 else { return nil }
        return format(minutes)
    }

    /// `PT1H30M` for 90 (a whole number of minutes, more than 0).
    public static func format(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (rest > 0 ? "\(rest)M" : "")
    }

    private static func iso(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard upper.hasPrefix("PT"), upper.count > 2 else { return nil }
        var minutes = 0.0
        var number = ""
        for character in upper.dropFirst(2) {
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            switch character {
            case "H": minutes += value * 60
            case "M": minutes += value
            case "S": minutes += value / 60
            default: return nil
            }
        }
        guard number.isEmpty else { return nil }
        return Int(minutes.rounded())
    }

    /// `H:MM` or `H:MM:SS`.
    private static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60
        else { return nil }
        let seconds = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        guard seconds < 60 else { return nil }
        return hours * 60 + minutes + (seconds >= 30 ? 1 : 0)
    }

    private static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
        "sixty": 60, "ninety": 90,
    ]

    private static let units: [String: Double] = [
        "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60, "std": 60, "heure": 60, "heures": 60,
        "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "'": 1,
        "s": 1.0 / 60, "sec": 1.0 / 60, "secs": 1.0 / 60, "second": 1.0 / 60, "seconds": 1.0 / 60,
    ]

    /// Number-and-unit phrases: `1.5 hours`, `1h30`, `2 hours 15 minutes`, `half an hour`, `an hour and a half`.
    private static func words(_ text: String) -> Int? {
        let tokens = tokenize(text)
        var total = 0.0
        var pending: Double?
        var sawUnit = false
        var lastUnit: Double?
        var pendingIsArticle = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if ["and", "approx", "approx.", "about", "around", "ca", "ca.", "c.", "~"].contains(token) { continue }
            if token == "half" {
                // "half an hour", "an hour and a half"
                if pending == nil, index < tokens.count, ["a", "an"].contains(tokens[index]) {
                    pending = 0.5
                    index += 1
                } else if let unit = lastUnit, pending == nil || pendingIsArticle {
                    total += 0.5 * unit
                    pending = nil
                } else {
                    pending = (pending ?? 1) * 0.5
                }
                continue
            }
            if let value = Double(token.replacingOccurrences(of: ",", with: ".")) ?? numberWords[token] {
                if pending != nil { return nil }
                pending = value
                pendingIsArticle = token == "a" || token == "an"
                continue
            }
            if let unit = units[token] {
                guard let value = pending else { return nil }
                total += value * unit
                pending = nil
                sawUnit = true
                lastUnit = unit
                continue
            }
            return nil
        }
        // "1h30": a trailing number after hours is minutes.
        if let value = pending {
            guard lastUnit == 60, value < 60, value == value.rounded() else { return nil }
            total += value
        }
        guard sawUnit else { return nil }
        return Int(total.rounded())
    }

    /// Splits `1h30`, `45min`, `1.5 hours` into numbers and words.
    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
            } else if character.isNumber || ((character == "." || character == ",") && currentIsNumber) {
                if !currentIsNumber { flush() }
                currentIsNumber = true
                current.append(character)
            } else {
                if currentIsNumber { flush() }
                currentIsNumber = false
                current.append(character)
            }
        }
        flush()
        return tokens.map {
            $0.hasSuffix(".") && $0.count > 1 && $0.first?.isNumber == false ? String($0.dropLast()) : $0
        }
    }
}
