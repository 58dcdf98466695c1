import ArgumentParser
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a programme's outline and each day's timetable with clock times.",
            discussion: """
                Clock times come from a delivery that schedules the session (its dates, time zone and day start), \
                otherwise from each day's nominal-start.

                Examples:
                  curriculum show Curricula/liaise
                  curriculum show Curricula/liaise/liaise.xml --session s2
                  curriculum show Curricula/liaise --session s1 \\
                      --delivery-file cohorts/autumn.xml
                """)

        @Argument(help: "A programme file, or a folder holding exactly one programme.")
        var path: String

        @Option(help: ArgumentHelp("Show only this session.", valueName: "ID"))
        var session: String?

        @Option(
            help: ArgumentHelp(
                "Use this delivery's dates and times (an ID of a delivery the programme includes).", valueName: "ID"))
        var delivery: String?

        @Option(
            name: .customLong("delivery-file"),
            help: ArgumentHelp(
                "Use the delivery in this file, which the programme need not include (as `pack --delivery-file`).",
                valueName: "FILE"))
        var deliveryFile: String?

        @OptionGroup var configuration: ConfigurationOptions

        func validate() throws {
            if delivery != nil && deliveryFile != nil {
                throw ValidationError("--delivery and --delivery-file cannot be used together")
            }
        }

        func run() async throws {
            let file = try ProgrammeLocator.programmeFile(at: path)
            try DeliveryFile.check(deliveryFile)
            let loaded = try await ProgrammeLocator.load(
                file, deliveryFiles: deliveryFile.map { [$0] } ?? [], configuration: configuration)
            guard let curriculum = loaded.curriculum else { throw CommandFailure.content() }
            var sessions = curriculum.sessions
            if let session {
                guard let found = curriculum.session(session) else {
                    throw CommandFailure.usage(
                        "no session \"\(session)\" in \(curriculum.id); sessions: \(TerminalText.escaped(curriculum.sessions.map(\.id).joined(separator: ", ")))"
                    )
                }
                sessions = [found]
            }
            var chosenDelivery: Delivery? = nil
            if let deliveryFile {
                chosenDelivery = try DeliveryFile.chosen(deliveryFile, in: loaded, curriculum: curriculum)
            }
            if let delivery {
                guard let found = curriculum.deliveries.first(where: { $0.id == delivery }) else {
                    let known = curriculum.deliveries.map(\.id)
                    throw CommandFailure.usage(
                        "no delivery \"\(delivery)\" in \(curriculum.id)"
                            + (known.isEmpty
                                ? "" : "; deliveries: \(TerminalText.escaped(known.joined(separator: ", ")))"))
                }
                chosenDelivery = found
            }
            let outline = OutlinePrinter(curriculum: curriculum, delivery: chosenDelivery)
            var output = session == nil ? outline.overview() : ""
            for session in sessions { output += outline.timetable(of: session) }
            Terminal.standardOutput.write(output)
        }
    }
}

/// Finds and loads the programme a command works on.
enum ProgrammeLocator {
    /// The programme file at a path: the file itself, or the single programme in a folder.
    static func programmeFile(at path: String) throws(CommandFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure.usage("\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return path }
        let units: [CurriculumDiscovery.Unit]
        do throws(DiscoveryError) {
            units = try CurriculumDiscovery.units(for: [path])
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let programmes = units.filter(\.isPrimary)
        switch programmes.count {
        case 0: throw CommandFailure.usage("\(path): the folder holds no <programme> document")
        case 1: return programmes[0].path
        default:
            let names = programmes.map { TerminalText.escaped(DisplayPath.of($0.path)) }.joined(separator: ", ")
            throw CommandFailure.usage("\(path): the folder holds several programmes (\(names)); name one file")
        }
    }

    /// Loads and validates a programme; content errors are printed and end the command with exit code 1.
    ///
    /// - Parameters:
    ///   - configuration: `--config` and `--trust-config`.
    ///   - log: Where the configuration decisions go; without one they are printed here, on standard error.
    static func load(
        _ file: String, deliveryFiles: [String] = [], configuration: ConfigurationOptions,
        log: ConfigurationLog? = nil
    ) async throws(CommandFailure) -> LoadedCurriculum {
        try await load(file, deliveryFiles: deliveryFiles, configuration: configuration, log: log, plugins: true).0
    }

    /// Loads a programme and checks it with the core rules, as ``load(_:deliveryFiles:configuration:log:)`` does,
    /// and leaves the validator plugins to the returned check, for a command to run beside its own work.
    static func loadDeferringPlugins(
        _ file: String, deliveryFiles: [String] = [], configuration: ConfigurationOptions, log: ConfigurationLog
    ) async throws(CommandFailure) -> (LoadedCurriculum, PluginCheck) {
        let (loaded, validator) = try await load(
            file, deliveryFiles: deliveryFiles, configuration: configuration, log: log, plugins: false)
        return (loaded, PluginCheck(validator: validator, loaded: loaded, file: file))
    }

    /// The validator plugins of a programme loaded by ``loadDeferringPlugins(_:deliveryFiles:configuration:log:)``.
    struct PluginCheck: Sendable {
        let validator: Validator
        let loaded: LoadedCurriculum
        let file: String

        /// Runs the plugins; errors they find are printed and end the command as the core rules' errors do.
        ///
        /// - Parameter encodedModel: The model as ``PluginModel/encoded(_:)`` gives it, when the command has it.
        func run(encodedModel: Data?) async throws(CommandFailure) {
            let found: [Diagnostic]
            do {
                found = try await validator.pluginDiagnostics(for: loaded, encodedModel: encodedModel)
            } catch {
                throw CommandFailure(error)
            }
            try ProgrammeLocator.refuse(file, errors: found, files: loaded.files)
        }
    }

    private static func load(
        _ file: String, deliveryFiles: [String], configuration: ConfigurationOptions, log: ConfigurationLog?,
        plugins: Bool
    ) async throws(CommandFailure) -> (LoadedCurriculum, Validator) {
        let decisions = log ?? ConfigurationLog()
        defer { if log == nil { Terminal.standardError.write(ConfigurationReport.text(decisions, textMode: true)) } }
        let loaded: LoadedCurriculum
        var validator: Validator
        do {
            validator = try configuration.validator(log: decisions)
            validator.runsPlugins = plugins
            (loaded, _) = try await validator.validate(programmeAt: file, deliveryFiles: deliveryFiles)
        } catch {
            throw CommandFailure(error)
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if errors.isEmpty && loaded.curriculum == nil {
            throw StandaloneDocument.refusal(for: file, root: loaded.root)
        }
        try refuse(file, errors: errors, files: loaded.files, always: loaded.curriculum == nil)
        validator.runsPlugins = true
        return (loaded, validator)
    }

    /// Prints the errors among `diagnostics` and ends the command with exit code 1, when there are any (or
    /// `always`).
    private static func refuse(
        _ file: String, errors diagnostics: [Diagnostic], files: [String], always: Bool = false
    ) throws(CommandFailure) {
        let errors = diagnostics.filter { $0.severity == .error }
        guard always || !errors.isEmpty else { return }
        let report = ValidationReport(diagnostics: errors.sorted(by: Diagnostic.reportOrder), files: files)
        let input = RenderInput(report: report, failOn: .error, usesColor: Terminal.standardError.usesColor)
        Terminal.standardError.write(DiagnosticRenderer.render(input, as: .text))
        throw CommandFailure.content(
            "error: \(TerminalText.escaped(DisplayPath.of(file))) has errors; fix them first (`curriculum validate` lists everything)"
        )
    }
}
