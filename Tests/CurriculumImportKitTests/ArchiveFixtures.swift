import Foundation

/// Builds archives for the tests with Debian's Python (`zipfile`, `tarfile`), so every hostile shape is made by an
/// independent writer rather than by the reader under test.
enum ArchiveFixtures {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ck-archives-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a Python script with `OUT` set to the output path; returns that path.
    @discardableResult
    static func make(_ name: String, in folder: URL, script: String) throws -> String {
        let output = folder.appendingPathComponent(name).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import os, io, zipfile, tarfile, gzip, stat\nOUT = os.environ['OUT']\n" + script]
        process.environment = ["OUT": output]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw FixtureError(message: "python failed for \(name): \(message)")
        }
        return output
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
