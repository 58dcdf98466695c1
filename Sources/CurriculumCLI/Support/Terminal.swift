import CurriculumKit
import CurriculumPluginKit
import Foundation

/// Standard output and error, with the facts needed to decide on colour and progress lines.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: STDOUT_FILENO)
    static let standardError = Terminal(descriptor: STDERR_FILENO)

    /// Whether the stream is a terminal.
    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// Whether to colour output: only on a terminal, never with `NO_COLOR` set, never for `TERM=dumb`.
    var usesColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isInteractive
    }

    /// Writes all bytes, retrying on partial writes; a closed pipe is not an error worth crashing for.
    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// A one-line progress indicator on standard error, shown only on a terminal; it also shows plugin progress.
final class ProgressLine: PluginObserver, @unchecked Sendable {
    private let terminal = Terminal.standardError
    private let lock = NSLock()
    private var lastWidth = 0
    private let isEnabled: Bool

    init(enabled: Bool) {
        isEnabled = enabled && Terminal.standardError.isInteractive
    }

    func update(_ text: String) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let padding = String(repeating: " ", count: max(0, lastWidth - text.count))
        terminal.write("\r" + text + padding)
        lastWidth = text.count
    }

    func progress(plugin: String, _ params: ProgressParams) {
        guard let done = params.done, let total = params.total, total > 0 else { return }
        let message = params.message.map { " \(TerminalText.escaped($0))" } ?? ""
        update("\(TerminalText.escaped(plugin)): \(done)/\(total)\(message)")
    }

    /// Warnings and errors a plugin logs are shown, escaped (a plugin's words must not act on the terminal);
    /// its info and debug lines are not.
    func log(plugin: String, _ params: LogParams) {
        guard params.level == "warning" || params.level == "error" else { return }
        clear()
        terminal.write(
            "\(TerminalText.escaped(plugin)): \(TerminalText.escaped(params.level)): \(TerminalText.escaped(params.message))\n"
        )
    }

    func clear() {
        guard isEnabled, lastWidth > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        terminal.write("\r" + String(repeating: " ", count: lastWidth) + "\r")
        lastWidth = 0
    }
}
