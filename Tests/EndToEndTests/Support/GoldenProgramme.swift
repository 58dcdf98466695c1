import Foundation
import Testing

/// A programme whose rendered outputs are kept as golden files, packed through the binary.
struct GoldenProgramme {
    /// The session packs of one `curriculum pack` run, in a temporary folder the caller removes.
    struct Packs {
        var folder: URL
        /// Each session's pack folder, by session ID, in ID order.
        var sessions: [(id: String, folder: URL)]

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The programme's ID, which names its pack folders.
    var id: String
    /// The programme, relative to the package folder (the working folder of the run).
    var path: String
    /// The folder under `Tests/EndToEndTests/Golden/` its outputs are kept in.
    var golden: String
    /// More options for `curriculum pack`.
    var options: [String] = []

    static let workshop = "Tests/EndToEndTests/Fixtures/golden/workshop"

    /// The bundled LIAISE curriculum (every session), and a small fixture with a delivery of its own, in its
    /// source language and in its French translation.
    static let all = [
        GoldenProgramme(id: "liaise", path: "Curricula/liaise", golden: "liaise"),
        GoldenProgramme(id: "workshop", path: workshop, golden: "workshop"),
        GoldenProgramme(id: "workshop", path: workshop, golden: "workshop-fr", options: ["--language", "fr"]),
    ]

    /// Packs every session in the given formats. The binary runs in the package folder with a relative programme
    /// path, so nothing it writes can depend on where the package is checked out.
    func pack(_ formats: [String]) throws -> Packs {
        let out = try CLI.temporaryFolder()
        let result = try CLI.run(
            ["pack", path, "--out", out.path] + options + formats.flatMap { ["--format", $0] })
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: out)
            throw PackFailure(
                message:
                    "curriculum pack \(path) \(options.joined(separator: " ")) ended with \(result.status): \(result.stderr)"
            )
        }
        let prefix = id + "-"
        // A pack in another language than the source is named `<programme>-<session>.<language>`.
        let suffix =
            options.firstIndex(of: "--language").flatMap {
                options.indices.contains($0 + 1) ? "." + options[$0 + 1] : nil
            } ?? ""
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
            $0.hasPrefix(prefix) && $0.hasSuffix(suffix)
        }
        return Packs(
            folder: out,
            sessions: names.sorted().map {
                (String($0.dropFirst(prefix.count).dropLast(suffix.count)), out.appendingPathComponent($0))
            })
    }

    /// The entries of a cartridge (a zip), by path inside it, read by Python's `zipfile`, an independent reader.
    static func entries(ofArchive archive: URL) throws -> [String: Data] {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            ["-m", "zipfile", "-e", archive.path, folder.path], executable: "/usr/bin/python3")
        guard result.status == 0 else {
            throw PackFailure(message: "\(archive.lastPathComponent) does not unzip: \(result.stderr)")
        }
        return try FolderSnapshot(folder).files.mapValues(\.data)
    }

    struct PackFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
