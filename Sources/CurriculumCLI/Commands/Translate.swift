import ArgumentParser
import CurriculumKit
import CurriculumModel
import Foundation

extension CurriculumCommand {
    /// `curriculum translate`: XLIFF out to translators, translations back into the source files, and coverage.
    struct Translate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Translate a curriculum: export texts as XLIFF 1.2, import translations, show coverage.",
            discussion: """
                Every title, summary, instruction, question and note that can carry a <t xml:lang> translation \
                becomes one XLIFF unit, marked as participant or facilitator text and with a fingerprint of its \
                source. Import writes each translation into the <t> of the exact element, changing nothing else \
                in the file, and refuses a unit whose source changed since the export.

                Examples:
                  curriculum translate export Curricula/liaise --language fr --out fr.xlf
                  curriculum translate import fr.xlf
                  curriculum translate status Curricula/liaise
                """,
            subcommands: [Export.self, Import.self, Status.self])

        /// Loads the programme at a path (file or folder) without requiring it to be free of errors.
        static func load(_ path: String) throws(CommandFailure) -> LoadedCurriculum {
            let file = try ProgrammeLocator.programmeFile(at: path)
            let loaded = CurriculumLoader().load(programmeAt: file)
            guard loaded.curriculum != nil else {
                if loaded.diagnostics.contains(where: { $0.severity == .error }) {
                    let report = ValidationReport(diagnostics: loaded.diagnostics, files: loaded.files)
                    Terminal.standardError.write(
                        DiagnosticRenderer.render(
                            RenderInput(report: report, failOn: .error, usesColor: Terminal.standardError.usesColor),
                            as: .text))
                    throw CommandFailure.content("error: \(DisplayPath.of(file)) could not be read")
                }
                throw StandaloneDocument.refusal(for: file, root: loaded.root)
            }
            return loaded
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write every translatable text of a programme into an XLIFF 1.2 file for one language.",
                discussion: """
                    Units that already have a translation carry it as their target (state needs-review-translation \
                    when the source's rev= is newer).

                    Examples:
                      curriculum translate export Curricula/liaise --language fr --out fr.xlf
                      curriculum translate export . --language de --participant-only --out de.xlf
                    """)

            @Argument(help: "A programme file, or a folder holding exactly one programme.")
            var path: String

            @Option(help: ArgumentHelp("The language to translate into (a BCP 47 tag).", valueName: "LANG"))
            var language: String

            @Option(help: ArgumentHelp("The XLIFF file to write (default: standard output).", valueName: "FILE"))
            var out: String?

            @Flag(help: "Only texts participants receive; leave facilitator notes out.")
            var participantOnly = false

            @Flag(help: "Only texts with no translation, or a stale one.")
            var untranslated = false

            func run() throws {
                let loaded = try Translate.load(path)
                let exchange = TranslationExchange(loaded: loaded)
                if language == exchange.sourceLanguage {
                    throw CommandFailure.usage("\(language) is the programme's source language")
                }
                var texts = exchange.texts()
                if participantOnly { texts = texts.filter { $0.readers == .participant } }
                if untranslated { texts = texts.filter { $0.status(in: language) != .translated } }
                let programme = loaded.root.absolute(loaded.programmePath)
                let folder = out.map { CurriculumRoot.canonical(($0 as NSString).deletingLastPathComponent) }
                let href =
                    folder.map { CurriculumCommand.Assemble.relativePath(from: $0.isEmpty ? "." : $0, to: programme) }
                    ?? programme
                let xliff = XLIFFDocument.write(
                    texts, sourceLanguage: exchange.sourceLanguage, targetLanguage: language, programme: href)
                guard let out else {
                    Terminal.standardOutput.write(xliff)
                    return
                }
                do { try xliff.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw CommandFailure.tool("cannot write \(out): \(error.localizedDescription)")
                }
                let participant = texts.filter { $0.readers == .participant }.count
                let done = texts.filter { $0.status(in: language) == .translated }.count
                Terminal.standardOutput.write(
                    "wrote \(texts.count) texts (\(participant) for participants, \(texts.count - participant) for facilitators; \(done) already translated into \(language)) to \(out)\n"
                )
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the translations of an XLIFF file into the curriculum's <t xml:lang> elements.",
                discussion: """
                    Only the <t> of each translated element is added or replaced; every other byte of the files \
                    stays as it was. A unit whose source text changed since the export (its fingerprint differs) \
                    is refused with a finding at the source element (XLF001), as is a unit whose element is gone \
                    (XLF002) or whose markup does not parse (XLF003); the other units are still written, and the \
                    exit code is 1.

                    Examples:
                      curriculum translate import fr.xlf
                      curriculum translate import fr.xlf --curriculum Curricula/liaise
                    """)

            @Argument(help: "The XLIFF 1.2 file.")
            var file: String

            @Option(
                help: ArgumentHelp(
                    "The programme to write into (default: the one the file was exported from).", valueName: "PATH"))
            var curriculum: String?

            func run() throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure.usage("\(file): no such file")
                }
                let read: (programme: String?, units: [XLIFFDocument.Unit])
                do throws(XLIFFDocument.ReadError) {
                    read = try XLIFFDocument.read(Array(data), path: DisplayPath.of(file))
                } catch {
                    throw CommandFailure.usage(error.description)
                }
                let folder = (CurriculumRoot.canonical(file) as NSString).deletingLastPathComponent
                let target =
                    curriculum ?? read.programme.map {
                        $0.hasPrefix("/")
                            ? $0 : CurriculumRoot.canonical((folder as NSString).appendingPathComponent($0))
                    } ?? "."
                let loaded = try Translate.load(target)
                let outcome = TranslationExchange(loaded: loaded).apply(read.units)
                for (path, bytes) in outcome.files.sorted(by: { $0.key < $1.key }) {
                    do {
                        try Data(bytes).write(to: URL(fileURLWithPath: loaded.root.absolute(path)), options: .atomic)
                    } catch {
                        throw CommandFailure.tool("cannot write \(path): \(error.localizedDescription)")
                    }
                }
                if !outcome.diagnostics.isEmpty {
                    let shown = outcome.diagnostics.map { diagnostic -> Diagnostic in
                        var shown = diagnostic
                        if let path = diagnostic.location?.path, loaded.files.contains(path) {
                            shown.location?.path = DisplayPath.of(loaded.root.absolute(path))
                        }
                        return shown
                    }
                    let report = ValidationReport(diagnostics: shown, files: [])
                    let text = DiagnosticRenderer.render(
                        RenderInput(report: report, failOn: .error, usesColor: Terminal.standardError.usesColor),
                        as: .text)
                    // The summary line counts files checked, which means nothing here.
                    Terminal.standardError.write(
                        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(
                            separator: "\n") + "\n")
                }
                Terminal.standardOutput.write(
                    "wrote \(outcome.written) translation\(outcome.written == 1 ? "" : "s") into \(outcome.files.count) file\(outcome.files.count == 1 ? "" : "s"); \(outcome.unchanged) unchanged, \(outcome.empty) untranslated, \(outcome.diagnostics.count) refused\n"
                )
                if !outcome.diagnostics.isEmpty { throw CommandFailure.content() }
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print how much of a programme is translated into each language.",
                discussion: """
                    One row per language the programme declares in <languages translations=…>, and per other \
                    language found in <t xml:lang>: texts translated, stale (the source's rev= is newer) and the \
                    share done, for participant texts and for all texts.

                    Examples:
                      curriculum translate status Curricula/liaise
                    """)

            @Argument(help: "A programme file, or a folder holding exactly one programme.")
            var path: String = "."

            func run() throws {
                let loaded = try Translate.load(path)
                let exchange = TranslationExchange(loaded: loaded)
                let texts = exchange.texts()
                let rows = exchange.coverage(of: texts)
                var output =
                    "\(loaded.curriculum?.id ?? ""): \(texts.count) translatable texts in \(exchange.sourceLanguage)"
                output += " (\(texts.filter { $0.readers == .participant }.count) for participants)\n\n"
                guard !rows.isEmpty else {
                    Terminal.standardOutput.write(
                        output + "no translation languages: declare them in <languages translations=\"…\"/>\n")
                    return
                }
                output += "language  participant texts          all texts                  stale\n"
                for row in rows {
                    func cell(_ counts: (translated: Int, stale: Int, total: Int)) -> String {
                        let share = counts.total == 0 ? 100 : counts.translated * 100 / counts.total
                        return "\(counts.translated)/\(counts.total) (\(share) %)".padding(
                            toLength: 27, withPad: " ", startingAt: 0)
                    }
                    let name = (row.language + (row.declared ? "" : "*")).padding(
                        toLength: 10, withPad: " ", startingAt: 0)
                    output += "\(name)\(cell(row.participant))\(cell(row.all))\(row.all.stale)\n"
                }
                if rows.contains(where: { !$0.declared }) {
                    output += "\n* not declared in <languages translations=…>\n"
                }
                Terminal.standardOutput.write(output)
            }
        }
    }
}
