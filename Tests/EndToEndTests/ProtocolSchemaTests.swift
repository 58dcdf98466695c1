import Foundation
import Testing

/// The JSON Schemas in `Schemas/protocol/` describe what really crosses the pipe: what the host sends, and what
/// the bundled plugins answer, checked with the `jsonschema` library.
@Suite struct ProtocolSchemaTests {
    static let schemas = CLI.packageRoot.appendingPathComponent("Schemas/protocol").path
    static let recorder = CLI.fixture("protocol/recorder.py")

    static func check(_ file: URL, responsesTo requests: URL? = nil) throws -> CLI.Result {
        var arguments = [CLI.fixture("protocol/check_messages.py"), schemas, file.path]
        if let requests { arguments += ["--responses-to", requests.path] }
        return try CLI.run(arguments, executable: "/usr/bin/python3")
    }

    /// Records a validate run and a pack run through the recorder plugin.
    static func record() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let validate = try CLI.run(["validate", liaise, "--plugin", recorder], environment: ["TMPDIR": folder.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        let config = folder.appendingPathComponent("recorder.json")
        try #"{"plugins": [{"command": ["\#(recorder)"]}]}"#.write(to: config, atomically: true, encoding: .utf8)
        let workspace = folder.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: CLI.fixture("valid"), toPath: workspace.path)
        try FileManager.default.copyItem(at: config, to: workspace.appendingPathComponent("curriculum.json"))
        let pack = try CLI.run(
            [
                "pack", workspace.path, "--format", "rec", "--out", folder.appendingPathComponent("out").path,
                "--trust-config",
            ],
            environment: ["TMPDIR": folder.path])
        #expect(pack.status == 0, "\(pack.stderr)")
        return folder
    }

    @Test func whatTheHostSendsMatchesTheSchemas() throws {
        let folder = try Self.record()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.check(folder.appendingPathComponent("received.jsonl"))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for name in ["initialize-params", "validate-params", "export-params"] {
            #expect(result.stdout.contains("ok   \(name)"), "\(name) was not exercised: \(result.stdout)")
        }
        // The recorder answers protocolMinor 1, so the schema of the 1.1 timetable is exercised too.
        let received = try String(contentsOf: folder.appendingPathComponent("received.jsonl"), encoding: .utf8)
        for method in ["validate", "export"] {
            #expect(
                received.split(separator: "\n").contains {
                    $0.contains(#""method":"\#(method)""#) && $0.contains(#""timetable":{"sessions":[{"#)
                }, "\(method) carries no timetable")
        }
        let answers = try Self.check(
            folder.appendingPathComponent("sent.jsonl"), responsesTo: folder.appendingPathComponent("received.jsonl"))
        #expect(answers.status == 0, "\(answers.stdout)")
    }

    @Test(arguments: [
        ("readability", "validate", ""), ("html", "export", "html"), ("calendar", "export", "ics"),
        ("imscc", "export", "imscc"), ("markdown", "export", "md"),
    ])
    func whatTheBundledPluginsAnswerMatchesTheSchemas(plugin: String, method: String, format: String) throws {
        let folder = try Self.record()
        defer { try? FileManager.default.removeItem(at: folder) }
        let received = try String(contentsOf: folder.appendingPathComponent("received.jsonl"), encoding: .utf8)
        let recorded = try #require(received.split(separator: "\n").first { $0.contains(#""method":"\#(method)""#) })
        var request = try #require(try JSONSerialization.jsonObject(with: Data(recorded.utf8)) as? [String: Any])
        if method == "export" {
            var params = try #require(request["params"] as? [String: Any])
            params["format"] = format
            request["params"] = params
        }
        try Self.expectAnswersMatchTheSchemas(plugin: plugin, method: method, request: request, in: folder)
    }

    @Test(arguments: [
        ("olx", "olx", "import/olx/partners"), ("dita", "dita", "import/dita/good"),
        ("imscc", "imscc", "import/imscc/cc13-course"), ("imscc", "scorm", "import/imscc/scorm12-early-signs"),
    ])
    func whatTheImportersAnswerMatchesTheSchemas(plugin: String, format: String, source: String) throws {
        let folder = try Self.record()
        defer { try? FileManager.default.removeItem(at: folder) }
        let request: [String: Any] = [
            "jsonrpc": "2.0", "id": 2, "method": "import",
            "params": ["source": CLI.fixture(source), "format": format, "options": [String: Any]()],
        ]
        // A core that speaks 1.3 gets the curriculum as a native document; an older one gets the model.
        for (minor, member) in [(3, #""document":"#), (2, #""curriculum":"#)] {
            let answers = try Self.expectAnswersMatchTheSchemas(
                plugin: plugin, method: "import", request: request, in: folder, protocolMinor: minor)
            #expect(answers.contains(member), "\(plugin) answered a core speaking 1.\(minor) without \(member)")
        }
    }

    /// Sends a bundled plugin the recorded `initialize` (offering `protocolMinor` when given) and one request,
    /// checks both answers, and returns them.
    @discardableResult
    static func expectAnswersMatchTheSchemas(
        plugin: String, method: String, request: [String: Any], in folder: URL, protocolMinor: Int? = nil
    ) throws -> String {
        let received = try String(contentsOf: folder.appendingPathComponent("received.jsonl"), encoding: .utf8)
        var initialize = String(
            try #require(received.split(separator: "\n").first { $0.contains(#""method":"initialize""#) }))
        if let protocolMinor {
            initialize = initialize.replacingOccurrences(
                of: #""protocolMinor":\d+"#, with: "\"protocolMinor\":\(protocolMinor)", options: .regularExpression)
        }
        let requests = folder.appendingPathComponent("requests-\(plugin)-\(method).jsonl")
        let body =
            initialize + "\n" + String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
            + "\n"
        try body.write(to: requests, atomically: true, encoding: .utf8)
        let binary = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent(
            "curriculum-plugin-\(plugin)"
        ).path
        let answers = folder.appendingPathComponent("answers-\(plugin)-\(method).jsonl")
        let run = try CLI.run(
            ["-c", "\"$0\" < \"$1\" > \"$2\"", binary, requests.path, answers.path], executable: "/bin/sh")
        #expect(run.status == 0, "\(run.stderr)")
        let result = try Self.check(answers, responsesTo: requests)
        #expect(result.status == 0, "\(plugin): \(result.stdout)")
        #expect(result.stdout.contains("ok   initialize-result"))
        #expect(result.stdout.contains("ok   \(method)-result"), "\(result.stdout)")
        return try String(contentsOf: answers, encoding: .utf8)
    }
}
