import Foundation
import Testing

/// `curriculum preview`: started on a free port, fetched over HTTP, changed on disk, stopped with Ctrl-C.
@Suite struct PreviewCommandTests {
    /// A running preview: the process, what it has printed so far, and its port.
    final class RunningPreview: RunningCommand, @unchecked Sendable {
        override init(_ arguments: [String]) throws { try super.init(["preview"] + arguments) }

        func port() throws -> Int {
            var port: Int?
            try eventually("the preview says where it listens") {
                port = text.firstMatch(of: /preview at http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) }
                return port != nil
            }
            return try #require(port)
        }
    }

    private func fetch(_ url: String) throws -> CLI.Result {
        try CLI.run(["-s", "--max-time", "10", url], executable: "/usr/bin/curl")
    }

    @Test func servesThePagesAndShowsChangesAndFindingsAfterASave() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let preview = try RunningPreview([workshop.path, "--port", "0"])
        defer { preview.stop() }
        let base = "http://127.0.0.1:\(try preview.port())"
        let index = try fetch(base + "/")
        #expect(index.stdout.contains("<h1>My first workshop</h1>"), "\(index.stdout)")
        for link in ["/s1/facilitator-guide.html", "/s1/participant-pack.html", "/s1/handouts/worksheet.md"] {
            #expect(index.stdout.contains("href=\"\(link)\""), "\(link)")
        }
        let guide = try fetch(base + "/s1/facilitator-guide.html")
        #expect(guide.stdout.contains("The method in three steps"))
        #expect(guide.stdout.contains("0 errors, 0 warnings, 0 info"))
        #expect(guide.stdout.contains("new EventSource(\"/events\")"))
        let handout = try fetch(base + "/s1/handouts/worksheet.md")
        #expect(handout.stdout.hasPrefix("# Worksheet"))
        #expect(try fetch(base + "/s1/../../etc/passwd").stdout == "not found\n")

        // Browsers listening on /events are told about the change.
        let events = Process()
        events.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        events.arguments = ["-sN", "--max-time", "60", base + "/events"]
        let eventsOutput = Pipe()
        events.standardOutput = eventsOutput
        try events.run()
        defer { if events.isRunning { events.terminate() } }
        Thread.sleep(forTimeInterval: 0.5)

        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let source = try String(contentsOf: module, encoding: .utf8)
        try source.replacing("The method in three steps", with: "The method in four steps")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the guide shows the new title") {
            try fetch(base + "/s1/facilitator-guide.html").stdout.contains("The method in four steps")
        }
        events.terminate()
        events.waitUntilExit()
        let streamed = String(decoding: eventsOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(streamed.contains("data: "), "\(streamed)")

        try source.replacing(
            "duration=\"PT45M\" min=\"PT30M\" max=\"PT1H\"", with: "duration=\"45\" min=\"PT30M\" max=\"PT1H\""
        )
        .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the page shows the finding") {
            try fetch(base + "/s1/facilitator-guide.html").stdout.contains("error[TIM001]: duration=")
        }
        try preview.eventually("the terminal shows the finding") {
            preview.text.contains("first-module.xml:7:5: error[TIM001]")
        }
    }

    @Test func ctrlCStopsTheServer() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let preview = try RunningPreview([folder.path, "--port", "0"])
        let base = "http://127.0.0.1:\(try preview.port())"
        #expect(try fetch(base + "/").status == 0)
        preview.stop()
        #expect(preview.process.terminationStatus == 130)
        #expect(try fetch(base + "/").status != 0, "nothing listens once it stopped")
    }

    /// Whether a process runs (a zombie waiting to be reaped does not).
    private func isRunning(_ process: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The process ids of the html exporters the preview started, from its terminal output.
    private func exporterProcesses(_ preview: RunningPreview) -> [Int32] {
        preview.text.matches(of: /html exporter started \(process (\d+)\)/).compactMap { Int32($0.1) }
    }

    @Test func oneExporterProcessRendersEverySaveAndCtrlCLeavesNoneBehind() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let preview = try RunningPreview([workshop.path, "--port", "0"])
        defer { preview.stop() }
        let base = "http://127.0.0.1:\(try preview.port())"
        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let source = try String(contentsOf: module, encoding: .utf8)
        for count in ["four", "five", "six"] {
            try source.replacing("The method in three steps", with: "The method in \(count) steps")
                .write(to: module, atomically: true, encoding: .utf8)
            try preview.eventually("the guide shows the \(count) steps") {
                try fetch(base + "/s1/facilitator-guide.html").stdout.contains("The method in \(count) steps")
            }
        }
        let processes = exporterProcesses(preview)
        #expect(processes.count == 1, "one exporter for the first rendering and three saves:\n\(preview.text)")
        let exporter = try #require(processes.first)
        #expect(isRunning(exporter), "the exporter waits for the next save")
        preview.stop()
        #expect(preview.process.terminationStatus == 130)
        // Killed with the preview; it may stay a zombie for a moment until it is reaped.
        try preview.eventually("Ctrl-C stopped the exporter too") { !isRunning(exporter) }
    }

    @Test func aCrashedExporterIsAClearErrorAndTheNextSaveStartsANewOne() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let preview = try RunningPreview([workshop.path, "--port", "0"])
        defer { preview.stop() }
        let base = "http://127.0.0.1:\(try preview.port())"
        let first = try #require(exporterProcesses(preview).first)
        #expect(kill(first, SIGKILL) == 0)
        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let source = try String(contentsOf: module, encoding: .utf8)
        try source.replacing("The method in three steps", with: "The method in four steps")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the terminal names the exporter that crashed") {
            preview.text.contains("error: the pages could not be made: plugin \"html\"")
                && preview.text.contains("killed by signal 9")
        }
        #expect(try fetch(base + "/s1/facilitator-guide.html").stdout.contains("the pages could not be made: plugin"))
        try source.replacing("The method in three steps", with: "The method in five steps")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the next save renders the page again") {
            try fetch(base + "/s1/facilitator-guide.html").stdout.contains("The method in five steps")
        }
        let processes = exporterProcesses(preview)
        #expect(processes.count == 2 && processes.last != first, "\(preview.text)")
    }

    @Test func aMissingProgrammeIsAUsageError() throws {
        let result = try CLI.run(["preview", "/nonexistent/curriculum"])
        #expect(result.status == 2)
    }
}

/// The preview in a real browser: headless Chromium opens the guide, listens for changes, and reloads after a save.
@Suite struct PreviewInChromiumTests {
    static let chromium = "/usr/bin/chromium"

    private func status(_ base: String) throws -> [String: Int] {
        let result = try CLI.run(["-s", "--max-time", "10", base + "/status.json"], executable: "/usr/bin/curl")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Int], "\(result.stdout)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: chromium)))
    func aBrowserReloadsThePageAfterASave() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let preview = try PreviewCommandTests.RunningPreview([workshop.path, "--port", "0"])
        defer { preview.stop() }
        let base = "http://127.0.0.1:\(try preview.port())"

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: Self.chromium)
        browser.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--remote-debugging-port=0",
            base + "/s1/facilitator-guide.html",
        ]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        defer {
            browser.terminate()
            browser.waitUntilExit()
        }
        var before = 0
        try preview.eventually("the browser loads the page and listens for changes") {
            let now = try status(base)
            before = now["pagesServed"] ?? 0
            return (now["listeners"] ?? 0) >= 1 && before >= 1
        }
        let module = workshop.appendingPathComponent("modules/first-module.xml")
        try String(contentsOf: module, encoding: .utf8).replacing("The method in three steps", with: "Four steps")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the browser reloads the page") {
            (try status(base)["pagesServed"] ?? 0) > before
        }
    }
}
