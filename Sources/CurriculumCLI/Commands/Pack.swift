import ArgumentParser
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Pack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write session packs: everything a trainer needs to run each session, in one folder.",
            discussion: """
                The curriculum is validated first; a curriculum with errors is not packed. Each session gets \
                OUT/<programme>-<session>/ with the files of every format and a pack.json listing their SHA-256. \
                A pack is written in a staging folder and moved into place, so a failed run leaves the old pack \
                as it was. Same input, same bytes.

                Formats come from exporter plugins: md (markdown), html (facilitator guide and participant pack), \
                ics (calendar), imscc (IMS Common Cartridge) when they are installed.

                Examples:
                  curriculum pack Curricula/liaise
                  curriculum pack Curricula/liaise --session s2 --format html --format ics --out packs --zip
                """)

        @Argument(help: "A programme file, or a folder holding exactly one programme.")
        var path: String

        @Option(
            name: .customLong("session"),
            help: ArgumentHelp("A session to pack; repeatable (default: all).", valueName: "ID"))
        var sessions: [String] = []

        @Flag(help: "Pack every session (the default when no --session is given).")
        var all = false

        @Option(
            name: .customLong("format"),
            help: ArgumentHelp(
                "A format to produce; repeatable (default: every format an exporter offers).", valueName: "NAME"))
        var formats: [String] = []

        @Option(help: ArgumentHelp("The folder packs are written into.", valueName: "DIR"))
        var out: String = "packs"

        @Flag(
            help:
                "Also write the bundles OUT/<programme>-<session>-participants.zip (participant files only) and -facilitators.zip (everything), byte-for-byte reproducible."
        )
        var zip = false

        @Option(help: ArgumentHelp("A <delivery> file with the dates, time zone and venue to use.", valueName: "FILE"))
        var delivery: String?

        @Option(help: ArgumentHelp("A folder of templates that replace the HTML exporter's own.", valueName: "DIR"))
        var templates: String?

        @Option(
            help: ArgumentHelp(
                "Render participant-facing text in this translation, where one exists.", valueName: "LANG"))
        var language: String?

        @Option(
            help: ArgumentHelp(
                "The number of participants print totals and groups follow, over the delivery's participants=.",
                valueName: "N"))
        var participants: Int?

        @OptionGroup var configuration: ConfigurationOptions

        func validate() throws {
            if all && !sessions.isEmpty { throw ValidationError("--all and --session cannot be used together") }
            if let participants, participants < 1 || participants >= 1_000_000 {
                throw ValidationError("--participants must be a whole number from 1 to 999999")
            }
        }

        func run() async throws {
            let file = try ProgrammeLocator.programmeFile(at: path)
            if let delivery, !FileManager.default.fileExists(atPath: delivery) {
                throw CommandFailure.usage("--delivery \(delivery): no such file")
            }
            if let templates {
                let absolute =
                    templates.hasPrefix("/") ? templates : FileManager.default.currentDirectoryPath + "/" + templates
                if let problem = TemplateFolder.problem(with: "/" + PathArithmetic.normalise(absolute)) {
                    throw CommandFailure.usage("--templates \(TerminalText.escaped(templates)): \(problem)")
                }
            }
            let log = ConfigurationLog()
            let loaded: LoadedCurriculum
            do {
                loaded = try await ProgrammeLocator.load(
                    file, deliveryFiles: delivery.map { [$0] } ?? [], configuration: configuration, log: log)
            } catch {
                Terminal.standardError.write(ConfigurationReport.text(log, textMode: true))
                throw error
            }
            Terminal.standardError.write(ConfigurationReport.text(log, textMode: true))
            guard let curriculum = loaded.curriculum else { throw CommandFailure.content() }
            let known = curriculum.sessions.map(\.id)
            for session in sessions where !known.contains(session) {
                throw CommandFailure.usage(
                    "no session \"\(session)\" in \(curriculum.id); sessions: \(TerminalText.escaped(known.joined(separator: ", ")))"
                )
            }
            let chosenDelivery = try delivery.map { file throws(CommandFailure) -> Delivery in
                let relative = loaded.root.relative(file) ?? CurriculumRoot.canonical(file)
                guard
                    let found = curriculum.deliveries.last(where: { $0.location?.path == relative })
                        ?? curriculum.deliveries.last
                else {
                    throw CommandFailure.content("error: \(file) holds no delivery")
                }
                return found
            }
            if let chosenDelivery {
                let unscheduled = (sessions.isEmpty ? known : sessions).filter { chosenDelivery.run(of: $0) == nil }
                if !unscheduled.isEmpty {
                    throw CommandFailure.content(
                        "error: delivery \"\(chosenDelivery.id)\" does not schedule \(unscheduled.joined(separator: ", ")); pack those sessions without --delivery or add runs for them"
                    )
                }
            }
            let progress = ProgressLine(enabled: true)
            let configured = try configuration.plugins(for: loaded.root, log: ConfigurationLog())
            let exporters = await PackBuilder.discoverExporters(configured: configured)
            let available = exporters.keys.sorted()
            for format in formats where exporters[format] == nil {
                throw CommandFailure.usage(
                    "no exporter for the format \"\(format)\"; available: \(available.isEmpty ? "none" : TerminalText.escaped(available.joined(separator: ", ")))"
                )
            }
            guard !available.isEmpty else {
                throw CommandFailure.tool(
                    "no exporter plugins were found (looked beside the binary, in ../libexec/curriculum and on PATH)")
            }
            let uniqueSessions = sessions.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let uniqueFormats = formats.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let request = PackRequest(
                sessions: uniqueSessions.isEmpty ? known : uniqueSessions,
                formats: uniqueFormats.isEmpty
                    ? available.filter { !PackBuilder.onRequestFormats.contains($0) } : uniqueFormats,
                outputFolder: out,
                zip: zip, delivery: chosenDelivery, templates: templates, language: language,
                participants: participants)
            do {
                let (results, notes) = try await PackBuilder(exporters: exporters).build(
                    curriculum, root: loaded.root, request: request, observer: progress)
                progress.clear()
                if !notes.isEmpty {
                    let report = ValidationReport(diagnostics: notes, files: [])
                    let text = DiagnosticRenderer.render(
                        RenderInput(report: report, failOn: nil, usesColor: Terminal.standardError.usesColor), as: .text
                    )
                    Terminal.standardError.write(
                        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(
                            separator: "\n") + "\n")
                }
                var output = ""
                for result in results {
                    for line in result.cleared { Terminal.standardError.write("note: \(TerminalText.escaped(line))\n") }
                    let folder = TerminalText.escaped(DisplayPath.of(result.folder))
                    let zipNote = zip ? " and \(folder)-participants.zip, \(folder)-facilitators.zip" : ""
                    output +=
                        "packed \(TerminalText.escaped(result.session)) → \(folder)/ (\(result.manifest.files.count) file\(result.manifest.files.count == 1 ? "" : "s"): \(TerminalText.escaped(result.manifest.formats.joined(separator: ", "))))\(zipNote)\n"
                }
                Terminal.standardOutput.write(output)
            } catch let error as PackContentError {
                progress.clear()
                let report = ValidationReport(diagnostics: error.diagnostics, files: [])
                Terminal.standardError.write(
                    DiagnosticRenderer.render(
                        RenderInput(report: report, failOn: .error, usesColor: Terminal.standardError.usesColor),
                        as: .text))
                throw CommandFailure.content("error: the exporters found errors; nothing was written")
            } catch let error as PackFailure {
                progress.clear()
                let message = TerminalText.escaped(error.description) + Self.outcome(of: error)
                switch error.kind {
                case .content: throw CommandFailure.content("error: " + message)
                case .output: throw CommandFailure.usage(message)
                case .exporter, .io: throw CommandFailure.tool(message)
                }
            } catch let error as PluginFailure {
                progress.clear()
                throw CommandFailure.tool(error.description + "\nnothing was written")
            }
        }

        /// What a failed run left in place, in words: the failing pack's own outcome is in its message; this adds
        /// the packs published before it, or that nothing was written at all.
        static func outcome(of failure: PackFailure) -> String {
            let earlier = failure.published.map { TerminalText.escaped(DisplayPath.of($0)) }
            if !earlier.isEmpty {
                return "; packs published before the failure: \(earlier.joined(separator: ", "))"
            }
            return failure.outcome == .unchanged ? "; nothing was written" : ""
        }
    }
}
