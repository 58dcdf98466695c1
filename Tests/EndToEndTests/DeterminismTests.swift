import Foundation
import Testing

/// Same input, same bytes, whoever runs it: every check runs two separate `curriculum` processes, which differ
/// in time zone, locale, umask and working folder, and in the per-process seed of Swift's hashing, so that an
/// output that depends on dictionary order, the clock's zone, the locale or the umask shows up as a difference.
/// (Two passes in one process share the hash seed and cannot see that.)
@Suite struct DeterminismTests {
    /// Runs `arguments` once in each contrasting environment, after `prepare` has put the inputs in each working
    /// folder, and returns each run with the environment it ran in.
    static func runTwice(
        _ arguments: [String], under root: URL, prepare: (RunEnvironment) throws -> Void
    ) throws -> [(environment: RunEnvironment, result: CLI.Result)] {
        try RunEnvironment.contrasting(under: root).map { environment in
            try prepare(environment)
            return (environment, try environment.run(arguments))
        }
    }

    @Test(arguments: ["Curricula/liaise", GoldenProgramme.workshop])
    func packsAreByteIdenticalAcrossProcessesAndEnvironments(programme: String) throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // The whole folder the programme is in comes along, with the configuration beside it that adds plugins.
        let source = CLI.packageRoot.appendingPathComponent(programme)
        let runs = try Self.runTwice(
            ["pack", "in/" + source.lastPathComponent, "--out", "packs", "--zip"], under: root
        ) { environment in
            try environment.copy(source.deletingLastPathComponent().path, as: "in")
        }
        for (environment, result) in runs {
            #expect(result.status == 0, "\(environment.summary): \(result.stderr)")
        }
        let packs = try runs.map { try FolderSnapshot($0.environment.folder.appendingPathComponent("packs")) }
        #expect(packs[0].files.keys.contains { $0.hasSuffix(".zip") }, "the zips are compared too")
        #expect(packs[0].files.keys.contains { $0.hasSuffix("/pack.json") })
        let differences = packs[0].differences(from: packs[1])
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        #expect(
            packs[1].files.values.allSatisfy { $0.permissions == 0o644 }, "the files' permissions ignore the umask")
        #expect(runs[0].result.stdout == runs[1].result.stdout)

        let zip = try #require(packs[0].files.keys.sorted().first { $0.hasSuffix(".zip") })
        let listing = try CLI.run(
            ["-v", runs[1].environment.folder.appendingPathComponent("packs/" + zip).path],
            executable: "/usr/bin/zipinfo")
        #expect(listing.stdout.contains("1980 Jan 1 00:00:00"), "zip entries carry a fixed date, not the clock")
    }

    @Test(arguments: [
        "import/olx/partners", "import/dita/good", "import/dita/partners-course.zip", "import/imscc/cc13-course",
        "import/imscc/scorm2004-information-sharing",
    ])
    func importsAreByteIdenticalAcrossProcessesAndEnvironments(source: String) throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "source" + (source.hasSuffix(".zip") ? ".zip" : "")
        let runs = try Self.runTwice(
            ["import", name, "--out", "imported/course.xml", "--format", "json"], under: root
        ) { environment in
            try environment.copy(CLI.fixture(source), as: name)
            try FileManager.default.createDirectory(
                at: environment.folder.appendingPathComponent("imported"), withIntermediateDirectories: true)
        }
        for (environment, result) in runs {
            #expect(result.status == 0, "\(environment.summary): \(result.stderr)")
        }
        let written = try runs.map { try FolderSnapshot($0.environment.folder.appendingPathComponent("imported")) }
        #expect(written[0].files["course.xml"] != nil)
        let differences = written[0].differences(from: written[1])
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        #expect(runs[0].result.stdout == runs[1].result.stdout, "the findings, as JSON")
    }

    @Test(arguments: ["json", "sarif", "text", "junit", "github"])
    func diagnosticsAreByteIdenticalAcrossProcessesAndEnvironments(format: String) throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let runs = try Self.runTwice(["validate", "findings", "--format", format], under: root) { environment in
            try environment.copy(CLI.fixture("golden/findings"), as: "findings")
        }
        #expect(runs.allSatisfy { $0.result.status == 1 }, "the fixture has errors")
        #expect(runs[0].result.stdout.contains("findings/findings.xml"), "paths are relative to the working folder")
        #expect(runs[0].result.stdout == runs[1].result.stdout)
        #expect(runs[0].result.stderr == runs[1].result.stderr)
    }

    /// What the plugin host sends a plugin: the whole model and the plugin's options, recorded by a plugin that
    /// writes every line it receives to `$TMPDIR/received.jsonl`. The programme's root is sent as an absolute path,
    /// so both runs work in the same folder here and differ in everything else. One session is packed: exports of
    /// several sessions run in parallel, and the order in which they reach the recorder is not the host's to fix.
    @Test func requestsToPluginsAreByteIdenticalAcrossProcessesAndEnvironments() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = root.appendingPathComponent("workspace")
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Curricula/liaise"),
            to: workspace.appendingPathComponent("liaise"))
        let options = #"{"zeta": 1, "alpha": "x", "mu": [true, null], "beta": {"y": 2, "b": 3, "k": 4}, "omega": 0.5}"#
        try #"{"plugins": [{"command": ["\#(CLI.fixture("protocol/recorder.py"))"], "options": \#(options)}]}"#
            .write(to: workspace.appendingPathComponent("liaise/curriculum.json"), atomically: true, encoding: .utf8)
        var recordings: [String] = []
        for (index, environment) in try RunEnvironment.contrasting(under: root).enumerated() {
            var here = environment
            here.folder = workspace
            here.extra = ["TMPDIR": environment.folder.path]
            let validate = try here.run(["validate", "liaise"])
            #expect(validate.status == 0, "\(here.summary): \(validate.stderr)")
            let pack = try here.run([
                "pack", "liaise", "--session", "s2", "--format", "rec", "--out", "packs-\(index)",
            ])
            #expect(pack.status == 0, "\(here.summary): \(pack.stderr)")
            recordings.append(
                try String(
                    contentsOf: environment.folder.appendingPathComponent("received.jsonl"), encoding: .utf8))
        }
        #expect(recordings[0].contains(#""method":"validate""#))
        #expect(recordings[0].contains(#""method":"export""#))
        #expect(recordings[0].contains(#""zeta":1"#), "the options reach the plugin")
        if recordings[0] != recordings[1] {
            Issue.record(
                Comment(rawValue: "the requests differ: " + TextDifference.first(recordings[0], recordings[1])))
        }
    }
}
