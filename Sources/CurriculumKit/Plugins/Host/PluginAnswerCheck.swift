public import CurriculumModel
public import CurriculumPluginKit
import Foundation

/// Checks what a plugin says against the protocol and against what it declared about itself, on every run (not
/// only in `plugins check`): the host does not print what it has not checked.
///
/// A plugin's findings would otherwise be indistinguishable from the core's: a `TIM001` from a plugin looks like
/// the core's rule in GitHub and SARIF output and is hidden by `--ignore TIM001`. So the core's rule prefixes are
/// reserved, and a validator may only report the codes it declared in `initialize`.
public enum PluginAnswerCheck {
    /// The prefixes of the core's rule codes; no plugin may declare or report a code that starts with one.
    public static let reservedPrefixes = ["XML", "STR", "REF", "TIM", "PED", "ACC", "LNG", "SAF", "EXP"]

    /// What is wrong with a handshake, or `nil`.
    public static func problem(in handshake: InitializeResult) -> String? {
        let name = handshake.plugin.name
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "its initialize result has an empty plugin name" }
        if name.unicodeScalars.contains(where: TerminalText.needsEscaping) {
            return
                "its name \"\(TerminalText.escaped(name))\" contains control characters; a plugin name is one line of printable text"
        }
        var seen = Set<String>()
        for rule in handshake.capabilities.validate?.rules ?? [] {
            if let problem = problem(withCode: rule.code, what: "it declares the rule") { return problem }
            if !seen.insert(rule.code).inserted { return "it declares the rule \(rule.code) twice" }
        }
        return nil
    }

    /// What is wrong with the diagnostics of a result, or `nil`.
    ///
    /// - Parameters:
    ///   - diagnostics: The diagnostics the plugin returned.
    ///   - declared: The codes a validator declared; `nil` for importers and exporters, which declare none.
    ///   - method: The request, for the message.
    public static func problem(in diagnostics: [Diagnostic], declared: Set<String>?, method: String) -> String? {
        for (index, diagnostic) in diagnostics.enumerated() {
            let what = "its \(method) result's diagnostics[\(index)]"
            if let problem = problem(withCode: diagnostic.code, what: "\(what) has the code") { return problem }
            if let declared, !declared.contains(diagnostic.code) {
                let list = declared.sorted().joined(separator: ", ")
                return
                    "\(what) has the code \(diagnostic.code), which is not among the rules it declared in initialize (\(list.isEmpty ? "none" : list)); declare every code a plugin reports"
            }
            if diagnostic.message.isEmpty { return "\(what) (\(diagnostic.code)) has an empty message" }
            if let location = diagnostic.location {
                if location.line <= 0 {
                    return "\(what) (\(diagnostic.code)) points at line \(location.line); lines start at 1"
                }
                if location.column < 0 {
                    return "\(what) (\(diagnostic.code)) points at column \(location.column); columns start at 1"
                }
            }
        }
        return nil
    }

    private static func problem(withCode code: String, what: String) -> String? {
        if code.isEmpty { return "\(what) \"\" (empty); every rule has a code such as ABC001" }
        if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) {
            return "\(what) \"\(TerminalText.escaped(code))\", which is not made of letters, digits, '-', '_' and '.'"
        }
        if let prefix = reservedPrefixes.first(where: { code.uppercased().hasPrefix($0) }) {
            return
                "\(what) \(code), but codes starting with \(prefix) are reserved for the core's rules (reserved: \(reservedPrefixes.joined(separator: ", "))); use a prefix of the plugin's own"
        }
        return nil
    }
}
