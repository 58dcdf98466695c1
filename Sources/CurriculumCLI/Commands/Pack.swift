import ArgumentParser
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Pack: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Write session packs: everything a trainer needs to run each session, in one folder.",
                discussion: InstalledFormatsHelp.line(kind: "exporters") { $0.export?.formats ?? [] } + """
                    The curriculum is validated first; a curriculum with errors is not packed. Each session gets \
                    OUT/<programme>-<session>/ with the files of every format and a pack.json listing their SHA-256. \
                    A pack is written in a staging folder and moved into place, so a failed run leaves the old pack \
                    as it was. Same input, same bytes.

                    Formats come from the installed exporter plugins (`curriculum plugins list` shows them; the \
                    bundled ones write md, html, ics and imscc), from curriculum.json's plugins and from --plugin.

                    Examples:
                      curriculum pack Curricula/liaise
                      curriculum pack Curricula/liaise --session s2 --format html --format ics \\
                          --out packs --zip
                    """)
        }

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

        @Option(
            name: [.customLong("delivery-file"), .customLong("delivery")],
            help: ArgumentHelp(
                "A <delivery> file with the dates, time zone and venue to use (--delivery is the older name).",
                valueName: "FILE"))
        var delivery: String?

        @Option(
            name: .customLong("plugin"),
            help: ArgumentHelp(
                "An exporter plugin to use before the configured and installed ones: a path, or the NAME of curriculum-plugin-NAME. Repeatable.",
                valueName: "NAME|PATH"))
        var plugins: [String] = []

        @OptionGroup var pluginOptions: PluginOptionArguments

        @Option(
            help: ArgumentHelp(
                "A folder of templates that replace the HTML exporter's own; the same as --plugin-option html.templates=DIR.",
                valueName: "DIR"))
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
            try DeliveryFile.check(delivery)
            if let templates {
                let absolute =
                    templates.hasPrefix("/") ? templates : FileManager.default.currentDirectoryPath + "/" + templates
                if let problem = TemplateFolder.problem(with: "/" + PathArithmetic.normalise(absolute)) {
                    throw CommandFailure.usage("--templates \(TerminalText.escaped(templates)): \(problem)")
                }
            }
            let progress = ProgressLine(enabled: true)
            // The exporters are found, and started, before the curriculum is loaded: they start up and read what
            // every request needs while the core loads and checks it.
            let exporters = try await findExporters(root: CurriculumRoot.find(for: file), observer: progress)
            // Each exporter is started with the options every request of the run carries (language, head count),
            // so that the requests go to the process started here.
            let runOptions = PackRequest(
                sessions: [], formats: [], outputFolder: out, zip: zip, language: language, participants: participants)
            let builder = PackBuilder(exporters: exporters)
            var conversations: [String: PluginSession] = [:]
            for format in wantedFormats(available: exporters.keys.sorted()) {
                guard let spec = builder.exporter(for: format, request: runOptions) else { continue }
                let conversation = PluginSession(spec: spec, observer: progress)
                conversation.start()
                conversations[format] = conversation
            }
            do {
                try await pack(file, exporters: exporters, conversations: conversations, progress: progress)
            } catch {
                await Self.shutDown(conversations)
                throw error
            }
            await Self.shutDown(conversations)
        }

        /// The formats to produce: those asked for, or every format an exporter offers except the on-request ones.
        func wantedFormats(available: [String]) -> [String] {
            let asked = formats.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return asked.isEmpty ? available.filter { !PackBuilder.onRequestFormats.contains($0) } : asked
        }

        /// The exporters by format, with `--plugin-option` and `--templates` applied.
        func findExporters(
            root: CurriculumRoot, observer: any PluginObserver
        ) async throws -> [String: PluginSpec] {
            let given = try plugins.map { argument throws(PluginFailure) in try PluginDiscovery.resolve(argument) }
            let configured = try given + configuration.plugins(for: root, log: ConfigurationLog())
            var options = try pluginOptions.parsed()
            let exporters = await PackBuilder.discoverExporters(
                configured: configured, wanted: formats.isEmpty ? nil : Set(formats), observer: observer)
            // --templates is the HTML exporter's option, sent to it alone, as --plugin-option would.
            if let templates {
                let absolute =
                    templates.hasPrefix("/") ? templates : FileManager.default.currentDirectoryPath + "/" + templates
                options.set(
                    "templates", .string(CurriculumRoot.canonical(absolute)), for: exporters["html"]?.name ?? "html")
            }
            try options.check(against: Array(exporters.values) + configured)
            return exporters.mapValues { options.applied(to: $0) }
        }

        static func shutDown(_ conversations: [String: PluginSession]) async {
            await withTaskGroup(of: Void.self) { group in
                for conversation in conversations.values { group.addTask { await conversation.shutdown() } }
            }
        }

        /// Loads and checks the curriculum, then exports and writes the packs.
        func pack(
            _ file: String, exporters: [String: PluginSpec], conversations: [String: PluginSession],
            progress: ProgressLine
        ) async throws {
            let log = ConfigurationLog()
            let loaded: LoadedCurriculum
            let pluginCheck: ProgrammeLocator.PluginCheck
            do {
                // The validator plugins run beside the exporters (below); nothing is written unless they find no
                // error either.
                (loaded, pluginCheck) = try await ProgrammeLocator.loadDeferringPlugins(
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
                try DeliveryFile.chosen(file, in: loaded, curriculum: curriculum)
            }
            if let chosenDelivery {
                let unscheduled = (sessions.isEmpty ? known : sessions).filter { chosenDelivery.run(of: $0) == nil }
                if !unscheduled.isEmpty {
                    throw CommandFailure.content(
                        "error: delivery \"\(chosenDelivery.id)\" does not schedule \(unscheduled.joined(separator: ", ")); pack those sessions without --delivery-file or add runs for them"
                    )
                }
            }
            let available = exporters.keys.sorted()
            for format in formats where exporters[format] == nil {
                throw CommandFailure.usage(
                    "no exporter for the format \"\(format)\"; available: \(available.isEmpty ? "none" : TerminalText.escaped(available.joined(separator: ", "))). An exporter is a program named curriculum-plugin-NAME on PATH, or an entry in curriculum.json's plugins (docs/protocol.md); pass one with --plugin to use it once"
                )
            }
            guard !available.isEmpty else {
                throw CommandFailure.tool(
                    "no exporter plugins were found (looked beside the binary, in ../libexec/curriculum and on PATH)")
            }
            let uniqueSessions = sessions.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let request = PackRequest(
                sessions: uniqueSessions.isEmpty ? known : uniqueSessions, formats: wantedFormats(available: available),
                outputFolder: out, zip: zip, delivery: chosenDelivery, templates: nil, language: language,
                participants: participants)
            // One encoding of the model for the validator plugins and the exporters.
            let model: Data
            do {
                model = try PluginModel.encoded(curriculum)
            } catch {
                throw CurriculumError(.tool, "cannot encode the model for the plugins: \(error)")
            }
            let validation = Task { try await pluginCheck.run(encodedModel: model) }
            do {
                let (results, notes) = try await PackBuilder(exporters: exporters, sessions: conversations).build(
                    curriculum, root: loaded.root, request: request, observer: progress, encodedModel: model
                ) {
                    progress.clear()
                    try await validation.value
                }
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
                try await validation.value
                let report = ValidationReport(diagnostics: error.diagnostics, files: [])
                Terminal.standardError.write(
                    DiagnosticRenderer.render(
                        RenderInput(report: report, failOn: .error, usesColor: Terminal.standardError.usesColor),
                        as: .text))
                throw CommandFailure.content("error: the exporters found errors; nothing was written")
            } catch let error as PackFailure {
                progress.clear()
                try await validation.value
                var mapped = CurriculumError(error)
                mapped.message = TerminalText.escaped(error.description) + Self.outcome(of: error)
                throw mapped
            } catch let error as PluginFailure {
                progress.clear()
                try await validation.value
                throw CurriculumError(.plugin, error.description + "\nnothing was written")
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
