// Benchmarks of the plugin host, run by `make bench` (bench/run.sh). Not installed.
//
//   curriculum-bench overhead PLUGIN [RUNS]      full plugin call vs bare spawn of the same executable
//   curriculum-bench overhead-profile PLUGIN [RUNS]   where a plugin call's time goes, step by step
//   curriculum-bench overhead-pieces [RUNS]      the host's own in-process work per call, piece by piece
//   curriculum-bench round-trip PLUGIN [MB]      a validate request and response of about MB megabytes each
//   curriculum-bench concurrency PLUGIN FOLDER   validating a folder with a plugin on one core and on all
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func overhead(_ path: String, runs: Int) async throws {
    let spec = PluginSpec(name: "bench", executable: path, arguments: ["noop"])
    let host = PluginHost()
    let root = NSTemporaryDirectory()
    // The call Validator makes: the model is encoded once per programme, however many plugins read it, and each
    // plugin's call gets the encoded params. Encoding the model is timed on its own below.
    let model = try PluginModel.encoded(SampleCurriculum.model)
    func call() async throws {
        let params = try ValidateParams.encoded(curriculum: model, root: root, options: [:])
        _ = try await host.request(spec, method: "validate", encodedParams: params, as: ValidateResult.self)
    }
    try await call()
    _ = try await Subprocess.run(.path(FilePath(path)), arguments: ["noop"], output: .discarded)
    let clock = ContinuousClock()
    // Calls and bare spawns alternate, and medians are compared, so a busy machine slows both alike.
    var calls: [Duration] = []
    var spawns: [Duration] = []
    var encodings: [Duration] = []
    for _ in 0..<runs {
        calls.append(try await clock.measure { try await call() })
        spawns.append(
            try await clock.measure {
                _ = try await Subprocess.run(.path(FilePath(path)), arguments: ["noop"], output: .discarded)
            })
        encodings.append(try clock.measure { _ = try PluginModel.encoded(SampleCurriculum.model) })
    }
    let call = milliseconds(calls.sorted()[runs / 2])
    let spawn = milliseconds(spawns.sorted()[runs / 2])
    let encoding = milliseconds(encodings.sorted()[runs / 2])
    print(
        String(
            format:
                "  (apart from the call: encoding the sample model, once per programme for all plugins, takes %.2f ms)",
            encoding))
    print(
        String(
            format:
                "plugin call (spawn, handshake, request, shutdown): %.2f ms   bare spawn: %.2f ms   host overhead: %.2f ms per call, bare spawn %.2f ms (medians of %d; target: overhead <= bare spawn)",
            call, spawn, call - spawn, spawn, runs))
}

/// Where a plugin call's time goes: a bare spawn, the same spawn with the host's pipes and options, those pipes
/// with the two exchanges written and read by hand, and the full host call (medians, alternating).
func overheadProfile(_ path: String, runs: Int) async throws {
    let spec = PluginSpec(name: "bench", executable: path, arguments: ["noop"])
    let host = PluginHost()
    let params = ValidateParams(curriculum: SampleCurriculum.model, root: NSTemporaryDirectory())
    let initialize = Data(#"{"id":1,"jsonrpc":"2.0","method":"initialize","params":{}}"#.utf8 + [0x0A])
    let request = Data(#"{"id":2,"jsonrpc":"2.0","method":"validate","params":{}}"#.utf8 + [0x0A])
    var options = PlatformOptions()
    options.createSession = true
    let temp = NSTemporaryDirectory()
    func pipes(exchange: Bool, watchdog: Bool = false) async throws {
        _ = try await Subprocess.run(
            .path(FilePath(path)), arguments: ["noop"], environment: .inherit,
            workingDirectory: FilePath(temp), platformOptions: options, input: .inputWriter, output: .sequence,
            error: .sequence
        ) { execution in
            async let errors: Void = { for try await _ in execution.standardError {} }()
            // A watchdog like the host's: a child task that wakes every 10 ms until the scope ends.
            async let _ = {
                guard watchdog else { return }
                while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
            }()
            if exchange {
                var iterator = execution.standardOutput.makeAsyncIterator()
                _ = try await execution.standardInputWriter.write(Array(initialize))
                _ = try await iterator.next()
                _ = try await execution.standardInputWriter.write(Array(request))
                _ = try await iterator.next()
                try await execution.standardInputWriter.finish()
                while try await iterator.next() != nil {}
            } else {
                try await execution.standardInputWriter.finish()
                for try await _ in execution.standardOutput {}
            }
            try await errors
        }
    }
    let clock = ContinuousClock()
    var times: [[Duration]] = [[], [], [], [], [], []]
    let model = try JSONEncoder().encode(SampleCurriculum.model)
    for _ in 0..<runs {
        times[0].append(
            try await clock.measure {
                _ = try await Subprocess.run(.path(FilePath(path)), arguments: ["noop"], output: .discarded)
            })
        times[1].append(try await clock.measure { try await pipes(exchange: false) })
        times[5].append(try await clock.measure { try await pipes(exchange: true, watchdog: true) })
        times[2].append(try await clock.measure { try await pipes(exchange: true) })
        times[3].append(
            try await clock.measure {
                _ = try await host.request(spec, method: "validate", params: params, as: ValidateResult.self)
            })
        times[4].append(
            try await clock.measure {
                let encoded = try ValidateParams.encoded(curriculum: model, root: temp, options: [:])
                _ = try await host.request(spec, method: "validate", encodedParams: encoded, as: ValidateResult.self)
            })
    }
    let names = [
        "bare spawn", "spawn with the host's pipes (stdin closed at once)", "those pipes, two exchanges by hand",
        "full host call", "full host call, the model encoded once (as Validator does)",
        "two exchanges by hand with a watchdog task",
    ]
    for (name, list) in zip(names, times) {
        print(String(format: "%@: %.3f ms", name, milliseconds(list.sorted()[runs / 2])))
    }
}

/// In-process costs of a plugin call's pieces, each the median of many runs: what the host's own work adds.
func overheadPieces(runs: Int) throws {
    let clock = ContinuousClock()
    func median(_ body: () throws -> Void) rethrows -> Double {
        var list: [Duration] = []
        for _ in 0..<runs { list.append(try clock.measure(body)) }
        return milliseconds(list.sorted()[runs / 2])
    }
    let initLine = Data(
        #"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"bench","version":"1"},"capabilities":{"validate":{"rules":[{"code":"BEN001","severity":"info","summary":"bench"}]}}}}"#
            .utf8)
    let resultLine = Data(#"{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[]}}"#.utf8)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let initialize = InitializeParams(
        protocolVersions: [1], core: .init(name: "curriculum", version: "1"), modelVersion: "1",
        limits: .init(maxMessageBytes: 1 << 20), options: [:])
    let pieces: [(String, () throws -> Void)] = [
        ("encode initialize", { _ = try encoder.encode(RPCRequest(id: 1, method: "initialize", params: initialize)) }),
        ("decode initialize result", { _ = try JSONDecoder().decode(ResultOf<InitializeResult>.self, from: initLine) }),
        ("decode validate result", { _ = try JSONDecoder().decode(ResultOf<ValidateResult>.self, from: resultLine) }),
        (
            "mkdtemp + rmdir",
            {
                var template = Array((NSTemporaryDirectory() + "/bench-XXXXXX").utf8CString)
                template.withUnsafeMutableBufferPointer {
                    if let base = $0.baseAddress, let folder = mkdtemp(base) { rmdir(folder) }
                }
            }
        ),
        (
            "thread start + exit",
            {
                let done = DispatchSemaphore(value: 0)
                Thread { done.signal() }.start()
                done.wait()
            }
        ),
    ]
    for (name, body) in pieces {
        print(String(format: "%@: %.3f ms", name, try median(body)))
    }
}

func roundTrip(_ path: String, megabytes: Int) async throws {
    // One resource per kilobyte of description makes a model of about the requested size in JSON.
    let text = String(repeating: "A long description of a resource. ", count: 28)
    let count = megabytes * 1024
    var curriculum = SampleCurriculum.model
    curriculum.resources = (0..<count).map {
        Resource(id: "res-\($0)", kind: "handout", title: Label("Handout \($0)"), description: .paragraph(text))
    }
    let params = ValidateParams(curriculum: curriculum, root: NSTemporaryDirectory())
    let clock0 = ContinuousClock()
    var encoded = Data()
    let encoding = try clock0.measure { encoded = try JSONEncoder().encode(params) }
    let requestBytes = encoded.count
    let diagnostics = (0..<(requestBytes / 1060)).map { _ in
        Diagnostic(severity: .info, code: "BEN001", message: String(repeating: "x", count: 1000))
    }
    let responseData = try JSONEncoder().encode(ResultOf(result: ValidateResult(diagnostics: diagnostics)))
    let decoding = try clock0.measure {
        _ = try JSONDecoder().decode(ResultOf<ValidateResult>.self, from: responseData)
    }
    print(
        String(
            format:
                "  (apart from the round trip: encoding the model as JSON took %.0f ms; decoding a response of that size alone takes %.0f ms)",
            milliseconds(encoding), milliseconds(decoding)))
    var spec = PluginSpec(name: "bench", executable: path, arguments: ["echo"])
    // The whole response is measured: the diagnostics cap would keep 5,000 of the ~50,000 it carries.
    spec.limits.maxDiagnostics = .max
    let clock = ContinuousClock()
    // The median of three runs: one run alone varies with page-cache and scheduler state. Each round trip is
    // followed by the same bytes through a bare pipe, both ways, so both see the same machine.
    var received = 0
    var runs: [Duration] = []
    var raws: [Duration] = []
    for _ in 0..<3 {
        runs.append(
            try await clock.measure {
                let reply = try await PluginHost().request(
                    spec, method: "validate", encodedParams: encoded, as: ValidateResult.self)
                received = reply.result.diagnostics.count * 1060
            })
        raws.append(try await clock.measure { try await rawPipe(writing: requestBytes, reading: received) })
    }
    let elapsed = runs.sorted()[1]
    let raw = raws.sorted()[1]
    let total = Double(requestBytes + received) / 1_048_576
    let seconds = milliseconds(elapsed) / 1000
    let rawSeconds = milliseconds(raw) / 1000
    print(
        String(
            format:
                "round trip (median of 3): request %.1f MB, response %.1f MB in %.2f s (start, write, plugin, read, decode): %.0f MB/s through the pipe, both directions; raw pipe of the same bytes: %.2f s, %.0f MB/s (target >= 200)",
            Double(requestBytes) / 1_048_576, Double(received) / 1_048_576, seconds, total / seconds, rawSeconds,
            total / rawSeconds))
}

/// Sends `writing` bytes into a subprocess, then reads `reading` bytes back from it, with nothing parsed: the
/// floor of a round trip of that shape (the whole request in, then the whole response out) through pipes.
func rawPipe(writing: Int, reading: Int) async throws {
    let script = "head -c \(writing) > /dev/null; head -c \(reading) /dev/zero"
    _ = try await Subprocess.run(
        .path(FilePath("/bin/sh")), arguments: ["-c", script], input: .inputWriter, output: .sequence,
        error: .discarded
    ) { execution in
        async let drained: Int = {
            var total = 0
            for try await buffer in execution.standardOutput { total += buffer.count }
            return total
        }()
        let chunk = [UInt8](repeating: 0x78, count: 1 << 20)
        var left = writing
        while left > 0 {
            let count = min(left, chunk.count)
            _ = try await execution.standardInputWriter.write(count == chunk.count ? chunk : Array(chunk[..<count]))
            left -= count
        }
        try await execution.standardInputWriter.finish()
        _ = try await drained
    }
}

func concurrency(_ path: String, folder: String) async throws {
    let spec = PluginSpec(name: "bench", executable: path, arguments: ["noop"])
    let clock = ContinuousClock()
    for jobs in [1, ProcessInfo.processInfo.activeProcessorCount] {
        let elapsed = try await clock.measure {
            _ = try await Validator(plugins: [spec], concurrency: jobs).validate(paths: [folder])
        }
        print(
            String(
                format: "validate %@ with a plugin, %d job%@: %.2f s", folder, jobs, jobs == 1 ? "" : "s",
                milliseconds(elapsed) / 1000))
    }
}

/// How fast raw bytes come through a subprocess's standard output, with nothing parsed.
func rawRead(megabytes: Int) async throws {
    let clock = ContinuousClock()
    var total = 0
    let elapsed = try await clock.measure {
        _ = try await Subprocess.run(
            .path(FilePath("/bin/sh")), arguments: ["-c", "head -c \(megabytes * 1_048_576) /dev/zero"], input: .none,
            output: .sequence, error: .discarded
        ) { execution in
            var pending: [UInt8] = []
            for try await buffer in execution.standardOutput {
                buffer.withUnsafeBytes { pending.append(contentsOf: $0) }
            }
            total = pending.count
        }
    }
    print(
        String(
            format: "raw read: %d MB in %.2f s = %.0f MB/s", total / 1_048_576, milliseconds(elapsed) / 1000,
            Double(total) / 1_048_576 / (milliseconds(elapsed) / 1000)))
}

/// How fast raw bytes go into a subprocess's standard input.
func rawWrite(megabytes: Int) async throws {
    let clock = ContinuousClock()
    let bytes = [UInt8](repeating: 0x78, count: megabytes * 1_048_576)
    let elapsed = try await clock.measure {
        _ = try await Subprocess.run(
            .path(FilePath("/bin/sh")), arguments: ["-c", "cat > /dev/null"], input: .inputWriter, output: .discarded,
            error: .discarded
        ) { execution in
            _ = try await execution.standardInputWriter.write(bytes)
            try await execution.standardInputWriter.finish()
        }
    }
    print(
        String(
            format: "raw write: %d MB in %.2f s = %.0f MB/s", megabytes, milliseconds(elapsed) / 1000,
            Double(megabytes) / (milliseconds(elapsed) / 1000)))
}

/// Parsing and schema validation alone, for every .xml file under a folder, on one thread: what the core adds
/// to libxml2 before any model is built.
func parseOnly(_ folder: String) throws {
    let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
        $0.hasSuffix(".xml")
    }
    let clock = ContinuousClock()
    var problems = 0
    let elapsed = try clock.measure {
        for file in files {
            problems += try DocumentCheck.problems(folder + "/" + file)
        }
    }
    print(
        String(
            format: "parse + schema + tree of %d files: %.2f s (%d problems)", files.count,
            milliseconds(elapsed) / 1000, problems))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: curriculum-bench overhead|round-trip|concurrency PLUGIN [ARG]\n".utf8))
    exit(2)
}
do {
    switch arguments[1] {
    case "overhead": try await overhead(arguments[2], runs: arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50)
    case "overhead-profile":
        try await overheadProfile(arguments[2], runs: arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50)
    case "overhead-pieces": try overheadPieces(runs: Int(arguments[2]) ?? 1000)
    case "round-trip": try await roundTrip(arguments[2], megabytes: arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50)
    case "parse-only": try parseOnly(arguments[2])
    case "raw-write": try await rawWrite(megabytes: Int(arguments[2]) ?? 50)
    case "raw-read": try await rawRead(megabytes: Int(arguments[2]) ?? 50)
    case "concurrency": try await concurrency(arguments[2], folder: arguments.count > 3 ? arguments[3] : "Curricula")
    default: exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("curriculum-bench: \(error)\n".utf8))
    exit(3)
}
