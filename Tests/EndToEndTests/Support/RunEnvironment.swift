import Foundation

/// How one `curriculum` process is started: time zone, locale, umask and working folder. Two processes that
/// differ in all of them, and in the hash seed Swift picks for each process, must write the same bytes.
struct RunEnvironment {
    var timeZone: String
    var locale: String
    var umask: String
    /// The working folder; inputs are copied into it and named by relative paths.
    var folder: URL
    /// More variables, such as `TMPDIR` for a recording plugin.
    var extra: [String: String] = [:]

    /// Two environments as far apart as a build machine and a trainer's laptop can be: UTC in the C locale with
    /// umask 022, and Auckland (a day ahead, and in daylight saving time in March) in French with umask 077, each
    /// working in its own folder, at different depths, under `root`.
    static func contrasting(under root: URL) throws -> [RunEnvironment] {
        let environments = [
            RunEnvironment(
                timeZone: "UTC", locale: "C", umask: "022", folder: root.appendingPathComponent("first")),
            RunEnvironment(
                timeZone: "Pacific/Auckland", locale: "fr_FR.UTF-8", umask: "077",
                folder: root.appendingPathComponent("second/a/deeper/working-folder")),
        ]
        for environment in environments {
            try FileManager.default.createDirectory(at: environment.folder, withIntermediateDirectories: true)
        }
        return environments
    }

    /// Copies a file or folder into the working folder as `name`.
    func copy(_ source: String, as name: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: folder.appendingPathComponent(name).path)
    }

    /// Runs the binary in its own process, through `/bin/sh` so that the umask is set before it starts.
    func run(_ arguments: [String]) throws -> CLI.Result {
        var environment = ["TZ": timeZone, "LANG": locale, "LC_ALL": locale]
        environment.merge(extra) { _, new in new }
        return try CLI.run(
            ["-c", "umask \(umask) && exec \"$@\"", "sh", CLI.binary] + arguments, in: folder.path,
            environment: environment, executable: "/bin/sh")
    }

    /// A description for failure messages.
    var summary: String { "TZ=\(timeZone) LC_ALL=\(locale) umask \(umask) in \(folder.lastPathComponent)" }
}
