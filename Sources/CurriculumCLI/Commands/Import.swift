import ArgumentParser
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Convert course material from another format into a native curriculum.",
                discussion: InstalledFormatsHelp.line(kind: "importers") { $0.import?.formats ?? [] } + """
                    An importer plugin reads the source: olx (an Open edX course folder or .tar.gz export), dita (a \
                    DITA Learning and Training map, its folder, or a zip), imscc (an IMS Common Cartridge 1.0–1.3 or \
                    SCORM 1.2/2004 package: imsmanifest.xml, its folder, a .imscc or .zip). The result is checked \
                    against the format's schema and the rules, with findings pointing into the source files, and \
                    written as one native XML document; files it refers to go to files/ beside it.

                    Anything the importer cannot map is reported, never dropped silently. When the importer reports an \
                    error (the source is broken, unsafe, or not in the format), nothing is written. Findings of the \
                    rules (an item without a duration, say) do not stop the import: the curriculum is written so they \
                    can be fixed, and the exit code follows --fail-on.

                    Examples:
                      curriculum import exports/course.tar.gz --out Curricula/partners/partners.xml
                      curriculum import training/partners.ditamap --from dita > partners.xml
                      curriculum import moodle-backup.imscc --out imported/course.xml --format json
                    """)
        }

        @Argument(help: "The course material: a file, a folder, or an archive.")
        var source: String

        @Option(
            help:
                "The source format: auto (the installed importers recognise it), or a format an installed importer reads; `curriculum plugins list` shows them."
        )
        var from: String = "auto"

        @Option(
            help: ArgumentHelp(
                "Where to write the native XML; its files go beside it. Without it, the XML is printed.",
                valueName: "FILE"))
        var out: String?

        @Flag(help: "Replace an existing output file, and files beside it with other content.")
        var force = false

        @Option(help: "How to print findings: text, json, sarif, junit or github (all but text need --out).")
        var format: DiagnosticFormat = .text

        @Option(
            name: .customLong("fail-on"), help: "Lowest severity that fails the run: error, warning, info or never.")
        var failOn: FailLevel = .error

        @Option(
            name: .customLong("plugin"),
            help: ArgumentHelp(
                "An importer plugin to ask first: a path, or the NAME of curriculum-plugin-NAME. Repeatable.",
                valueName: "NAME|PATH"))
        var plugins: [String] = []

        @Option(
            name: .customLong("option"),
            help: ArgumentHelp("An importer option, KEY=VALUE (the value as text); repeatable.", valueName: "KEY=VALUE")
        )
        var options: [String] = []

        @OptionGroup var pluginOptions: PluginOptionArguments

        func validate() throws {
            if out == nil && format != .text {
                throw ValidationError(
                    "--format \(format.rawValue) needs --out: without it the XML goes to standard output")
            }
            for option in options where !option.contains("=") {
                throw ValidationError("--option takes KEY=VALUE, not \"\(option)\"")
            }
        }

        func run() async throws {
            let sourcePath = CurriculumRoot.canonical(source)
            let specs = try plugins.map { argument throws(PluginFailure) in try PluginDiscovery.resolve(argument) }
            let progress = ProgressLine(enabled: true)
            let importers: [String: PluginSpec]
            let format: String
            // A missing source is a usage error whatever the format, before any importer is started.
            guard FileManager.default.fileExists(atPath: sourcePath) else {
                throw CommandFailure.usage("\(TerminalText.escaped(source)): no such file or folder")
            }
            if from == "auto" {
                // The installed importers say how to recognise their sources; the core knows none itself.
                let found = await ImportRunner.discoverImportersAndSigns(configured: specs, observer: progress)
                importers = found.importers
                format = try Self.recognised(sourcePath, shown: source, by: found.recogniser)
            } else {
                importers = await ImportRunner.discoverImporters(configured: specs, wanted: [from], observer: progress)
                format = from
            }
            let options = try pluginOptions.parsed()
            if let chosen = importers[format] { try options.check(against: [chosen]) }
            guard let importer = importers[format].map({ options.applied(to: $0) }) else {
                let known = TerminalText.escaped(importers.keys.sorted().joined(separator: ", "))
                throw CommandFailure.usage(
                    "no installed importer reads \"\(format)\"" + (known.isEmpty ? "" : " (available: \(known))")
                        + "; an importer is a program named curriculum-plugin-NAME on PATH, or an entry in curriculum.json's plugins (docs/protocol.md)"
                )
            }
            let imported: ImportedCurriculum
            do {
                imported = try await ImportRunner(importer: importer).run(
                    ImportParams(source: sourcePath, format: format, options: parsedOptions()), observer: progress)
            } catch {
                progress.clear()
                throw Self.failure(error)
            }
            progress.clear()
            let input = RenderInput(
                report: ValidationReport(diagnostics: imported.diagnostics, files: [DisplayPath.of(sourcePath)]),
                failOn: failOn.severity,
                usesColor: self.format == .text
                    && (out == nil ? Terminal.standardError : Terminal.standardOutput).usesColor)
            let fails = imported.diagnostics.contains(where: input.fails)
            let findings = DiagnosticRenderer.render(input, as: self.format)
            guard let out else {
                if !imported.diagnostics.isEmpty { Terminal.standardError.write(findings) }
                if imported.isUnusable {
                    throw CommandFailure.content("error: the source could not be imported; nothing was written")
                }
                Terminal.standardOutput.write(imported.document)
                if !imported.files.isEmpty {
                    Terminal.standardError.write(
                        "note: the curriculum refers to \(imported.files.count) file(s) that were not written; use --out to write them beside the XML\n"
                    )
                }
                if fails { throw CommandFailure.content() }
                return
            }
            Terminal.standardOutput.write(findings)
            if imported.isUnusable {
                throw CommandFailure.content("error: the source could not be imported; nothing was written")
            }
            do {
                try ImportPublisher(replacesExisting: force).publish(imported, to: CurriculumRoot.canonical(out))
            } catch {
                throw Self.failure(error)
            }
            if self.format == .text {
                Terminal.standardOutput.write(summary(imported, out: out))
            }
            if fails { throw CommandFailure.content() }
        }

        /// The format the installed importers recognise a source as.
        private static func recognised(
            _ path: String, shown: String, by recogniser: SourceRecogniser
        ) throws(CommandFailure) -> String {
            let detected: String?
            do throws(ImportError) { detected = try recogniser.format(of: path) } catch {
                throw CommandFailure(error)
            }
            guard let detected else {
                let signs = recogniser.summary
                throw CommandFailure.usage(
                    "cannot tell the format of \(TerminalText.escaped(shown)): no installed importer recognises it\(signs.isEmpty ? " (no importer is installed)" : " (they look for \(signs))"); name it with --from"
                )
            }
            return detected
        }

        private func parsedOptions() -> [String: JSONValue] {
            var parsed: [String: JSONValue] = [:]
            for option in options {
                let parts = option.split(separator: "=", maxSplits: 1)
                parsed[String(parts[0])] = .string(parts.count > 1 ? String(parts[1]) : "")
            }
            return parsed
        }

        private func summary(_ imported: ImportedCurriculum, out: String) -> String {
            let curriculum = imported.curriculum
            let items = curriculum.sessions.reduce(0) { $0 + $1.allItems.count }
            let files = imported.files.isEmpty ? "" : " and \(imported.files.count) file(s) beside it"
            return
                "imported \(TerminalText.escaped(source)) with \(TerminalText.escaped(imported.importer)): \(curriculum.modules.count) module(s), \(curriculum.sessions.count) session(s), \(items) agenda item(s), \(curriculum.allResources.count) resource(s); wrote \(out)\(files)\n"
        }

        private static func failure(_ error: ImportError) -> CommandFailure { CommandFailure(error) }
    }
}
