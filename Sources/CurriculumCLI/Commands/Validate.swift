public import ArgumentParser
public import CurriculumKit
import CurriculumModel
import Foundation

extension CurriculumCommand {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check curricula against the schema and the rules.",
            discussion: """
                Folders are searched for .xml files; each <programme> is loaded with everything it includes. \
                Documents no programme includes are checked on their own. `curriculum rules` lists every check.

                With --watch, the folders are watched and every save is validated again, doing again only what \
                the change can affect: only changed files are parsed, and only the programmes that read them (or \
                whose folder gained or lost a file) are checked again. Each run prints the findings, then a line \
                on standard error saying what was done and how long it took. Ctrl-C stops it.

                Examples:
                  curriculum validate Curricula/
                  curriculum validate Curricula/liaise --format sarif > results.sarif
                  curriculum validate . --fail-on warning --ignore PED010
                  curriculum validate --watch Curricula/liaise
                """)

        @Argument(help: "Curriculum files or folders (default: the current folder).")
        var paths: [String] = []

        @Option(help: "Output format: text, json, sarif, junit or github.")
        var format: DiagnosticFormat = .text

        @Option(
            name: .customLong("fail-on"), help: "Lowest severity that fails the run: error, warning, info or never.")
        var failOn: FailLevel = .error

        @Option(
            name: .customLong("ignore"),
            help: ArgumentHelp("A rule code to ignore; repeat or separate with commas.", valueName: "CODE"))
        var ignore: [String] = []

        @OptionGroup var configuration: ConfigurationOptions

        @Option(
            name: .customLong("plugin"),
            help: ArgumentHelp(
                "A validator plugin to run after the core rules: a path, or the NAME of curriculum-plugin-NAME. Repeatable.",
                valueName: "NAME|PATH"))
        var plugins: [String] = []

        @OptionGroup var pluginOptions: PluginOptionArguments

        @Flag(help: "Keep watching the files and validate again on every save, printing the findings each time.")
        var watch = false

        func run() async throws {
            let ignored = Set(
                ignore.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
            let specs = try plugins.map { argument throws(PluginFailure) in try PluginDiscovery.resolve(argument) }
            let progress = ProgressLine(enabled: true)
            let log = ConfigurationLog()
            let validator = try configuration.validator(
                commandLinePolicy: SeverityPolicy(ignored: ignored), plugins: specs, observer: progress, log: log,
                pluginOptions: try pluginOptions.parsed())
            if watch {
                try await ValidationWatch(
                    paths: paths.isEmpty ? ["."] : paths, validator: validator, format: format,
                    failOn: failOn.severity
                ).run(log: log)
                return
            }
            let report: ValidationReport
            do {
                report = try await validator.validate(paths: paths.isEmpty ? ["."] : paths) { done, total in
                    if total >= 8 { progress.update("validating \(done)/\(total)") }
                }
            } catch let error as PluginFailure {
                progress.clear()
                Terminal.standardError.write(ConfigurationReport.text(log, textMode: format == .text))
                throw error
            }
            progress.clear()
            Terminal.standardError.write(ConfigurationReport.text(log, textMode: format == .text))
            let input = RenderInput(
                report: report, failOn: failOn.severity, usesColor: format == .text && Terminal.standardOutput.usesColor
            )
            Terminal.standardOutput.write(DiagnosticRenderer.render(input, as: format))
            if report.diagnostics.contains(where: input.fails) { throw CommandFailure.content() }
        }
    }
}

/// `--fail-on` values. `note` is accepted for `info`, the word SARIF and some editors use for it.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    init?(argument: String) {
        self.init(rawValue: argument == "note" ? "info" : argument)
    }

    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
