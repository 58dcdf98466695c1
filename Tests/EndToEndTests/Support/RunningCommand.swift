import Foundation
import Testing

/// A `curriculum` command that keeps running (`preview`, `validate --watch`): what it has printed on both streams
/// so far, waits bounded by a number of checks rather than by a time, and Ctrl-C to stop it.
class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var printed = Data()

    /// Starts the binary with the arguments, standard output and error captured together.
    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed.append(data) }
        }
        try process.run()
    }

    /// Everything printed so far.
    var text: String { lock.withLock { String(decoding: printed, as: UTF8.self) } }

    /// Waits (up to 240 checks, a quarter of a second apart) until a condition holds; records an issue with the
    /// output so far when it never does.
    func eventually(_ what: String, _ condition: () throws -> Bool) throws {
        for _ in 0..<240 {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        Issue.record("never happened: \(what)\noutput so far:\n\(text)")
    }

    /// Ctrl-C, then waits for the command to end.
    func stop() {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
    }
}
