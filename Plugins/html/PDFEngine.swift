import CurriculumPluginKit
import Foundation

/// Headless Chromium, driven over its DevTools pipe (`--remote-debugging-pipe`: commands on its fd 3, answers on
/// its fd 4, each a JSON object ended by a NUL byte). One engine is started per export request and prints every
/// page of it; `pdf` is a batched format, so a pack run sends all its sessions in one request and pays Chromium's
/// start-up once instead of once per file or per session.
///
/// Chromium lays out CSS paged media itself (`@page` margin boxes give the running header and page numbers), which
/// is why it was chosen over WeasyPrint: the pages it prints are the pages a trainer sees in a browser.
final class PDFEngine {
    /// What `pack --format pdf` says when Chromium is not installed.
    static let missingMessage =
        "the pdf format needs the Chromium browser, which was not found (looked for chromium, chromium-browser, google-chrome on PATH); install the Debian package chromium (sudo apt-get install chromium)"

    private let process: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: String
    private var nextID = 0
    private var buffer: [UInt8] = []
    private var session = ""
    private var stopped = false
    /// How many pages have been loaded: each load gets its own URL, so a check can tell it from the one before.
    private var loads = 0

    /// Starts Chromium and opens one page to print into.
    ///
    /// - Throws: `RPCError` naming the package when Chromium is missing, or saying why it did not start.
    init() throws {
        guard let executable = Self.findChromium() else {
            throw RPCError(code: PluginProtocol.ErrorCode.internalError, message: Self.missingMessage)
        }
        profile = NSTemporaryDirectory() + "curriculum-pdf-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        var toEngine: [Int32] = [0, 0]
        var fromEngine: [Int32] = [0, 0]
        guard pipe(&toEngine) == 0, pipe(&fromEngine) == 0 else {
            throw RPCError(code: PluginProtocol.ErrorCode.internalError, message: "cannot create pipes for Chromium")
        }
        // Only fds 3 and 4 (made by dup2, which clears the flag) reach Chromium.
        for descriptor in toEngine + fromEngine { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var arguments = [
            executable, "--headless", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--mute-audio", "--user-data-dir=\(profile)", "about:blank",
        ]
        // Chromium refuses to run as root inside its sandbox; containers and CI often run as root.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Standard input and output are the plugin's protocol channel: Chromium gets neither.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, toEngine[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromEngine[1], 4)
        // Chromium's own helper processes follow it into a process group of its own, so that stop() can end them
        // all and wait for them: a plugin must leave no process behind.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(toEngine[0])
        close(fromEngine[1])
        guard status == 0 else {
            close(toEngine[1])
            close(fromEngine[0])
            throw RPCError(
                code: PluginProtocol.ErrorCode.internalError,
                message: "cannot start Chromium (\(executable)): \(String(cString: strerror(status)))")
        }
        process = pid
        commands = toEngine[1]
        answers = fromEngine[0]
        let target = try call("Target.createTarget", ["url": "about:blank"], inSession: false)
        guard let targetID = target["targetId"] as? String else { throw Self.failure("no page to print into") }
        let attached = try call(
            "Target.attachToTarget", ["targetId": targetID, "flatten": true], inSession: false)
        guard let session = attached["sessionId"] as? String else { throw Self.failure("cannot attach to the page") }
        self.session = session
        _ = try call("Page.enable", [:])
    }

    deinit { stop() }

    /// The PDF of an HTML file, laid out by its own `@page` rules (A4, margins, margin boxes).
    func pdf(ofFile path: String) throws -> [UInt8] {
        // The same file is printed twice when its contents list gets page numbers: a query of its own makes each
        // load a different page, so the wait below cannot take the page before it for this one.
        loads += 1
        let url = URL(fileURLWithPath: path).absoluteString + "?load=\(loads)"
        _ = try call("Page.navigate", ["url": url])
        try waitUntilLoaded(url)
        let printed = try call(
            "Page.printToPDF",
            [
                "preferCSSPageSize": true, "printBackground": true, "displayHeaderFooter": false,
                "generateDocumentOutline": true, "generateTaggedPDF": true,
            ])
        guard let data = printed["data"] as? String, let bytes = Data(base64Encoded: data) else {
            throw Self.failure("Chromium returned no PDF for \(path)")
        }
        return Self.withFixedDates(Array(bytes))
    }

    /// Closes Chromium and removes its profile folder.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? send("Browser.close", [:], inSession: false)
        close(commands)
        close(answers)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        // Helpers still running after the browser closed are ended; wait (at most two seconds) until none is left.
        killpg(process, SIGKILL)
        for _ in 0..<200 where killpg(process, 0) == 0 { usleep(10_000) }
        try? FileManager.default.removeItem(atPath: profile)
    }

    // MARK: - Reproducible output

    /// The PDF with its creation and modification dates replaced by 1980-01-01, the date the pack's zips use.
    /// The replacement has the same length, so the cross-reference offsets stay right.
    static func withFixedDates(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: result, from: index) {
                var position = found + pattern.count
                // Digits, then the zone: `20261205021121+00'00'`; only the 14 digits of the date change.
                let fixed = Array("19800101000000".utf8)
                for digit in fixed where position < result.count && result[position] >= 0x30 && result[position] <= 0x39
                {
                    result[position] = digit
                    position += 1
                }
                index = position
            }
        }
        return result
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0] && Array(bytes[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }

    // MARK: - The DevTools pipe

    private func call(_ method: String, _ params: [String: Any], inSession: Bool = true) throws -> [String: Any] {
        let id = try send(method, params, inSession: inSession)
        while true {
            let message = try receive()
            guard message["id"] as? Int == id else { continue }
            if let error = message["error"] as? [String: Any] {
                throw Self.failure("\(method) failed: \(error["message"] as? String ?? "unknown error")")
            }
            return message["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits until the page at `url` has loaded with its fonts. The page is asked itself: a `loadEventFired`
    /// event can arrive while a command's answer is awaited (and be passed over), or belong to the page before,
    /// and a print that followed the wrong one printed a page half laid out (seen once in a busy test run).
    private func waitUntilLoaded(_ url: String) throws {
        let expected = String(decoding: try JSONSerialization.data(withJSONObject: [url]), as: UTF8.self)
        let expression = """
            new Promise(resolve => {
              const check = () => {
                if (location.href === \(expected)[0] && document.readyState === 'complete') {
                  document.fonts.ready.then(() => resolve(true));
                } else {
                  setTimeout(check, 10);
                }
              };
              check();
            })
            """
        // The page before may still be the one the question reaches: it is asked again once the new one is in.
        for _ in 0..<50 {
            let answer = try? call(
                "Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
            if let result = answer?["result"] as? [String: Any], result["value"] as? Bool == true { return }
            usleep(20_000)
        }
        throw Self.failure("\(url) did not finish loading")
    }

    private func send(_ method: String, _ params: [String: Any], inSession: Bool) throws -> Int {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if inSession { message["sessionId"] = session }
        var bytes = Array(try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Self.failure("Chromium stopped reading its commands") }
            written += count
        }
        return nextID
    }

    private func receive() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else {
                    continue
                }
                return object
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Self.failure("Chromium stopped unexpectedly") }
            buffer += chunk[..<count]
        }
    }

    private static func failure(_ message: String) -> RPCError {
        RPCError(code: PluginProtocol.ErrorCode.internalError, message: "pdf: " + message)
    }

    private static func findChromium() -> String? {
        let names = ["chromium", "chromium-browser", "google-chrome"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where access(folder + "/" + name, X_OK) == 0 { return folder + "/" + name }
        }
        return nil
    }
}
