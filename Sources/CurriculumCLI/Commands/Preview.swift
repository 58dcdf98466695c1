import ArgumentParser
import CurriculumKit
import CurriculumModel
import Foundation

extension CurriculumCommand {
    /// `curriculum preview`: the session pages in a browser, rebuilt and reloaded as the files change.
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the facilitator guide, participant pack and handouts, and reload them on every save.",
            discussion: """
                A web server on 127.0.0.1 (this computer only) serves each session's pages as `curriculum pack \
                --format html` makes them. The curriculum's folder is watched: on every change it is validated \
                again (parsing only the files that changed) and the pages of the sessions the change touches are \
                made again, and open pages reload themselves. Findings are shown at the \
                top of every page and printed here. Ctrl-C stops it.

                Examples:
                  curriculum preview Curricula/liaise --session s1
                  curriculum preview . --port 9000 --language fr
                """)

        @Argument(help: "A programme file, or a folder holding exactly one programme.")
        var path: String = "."

        @Option(
            name: .customLong("session"),
            help: ArgumentHelp("A session to show; repeatable (default: all).", valueName: "ID"))
        var sessions: [String] = []

        @Option(help: ArgumentHelp("The port on 127.0.0.1; 0 picks a free one.", valueName: "N"))
        var port: Int = 8765

        @Option(help: ArgumentHelp("Render participant-facing text in this translation.", valueName: "LANG"))
        var language: String?

        func validate() throws {
            if port < 0 || port > 65535 { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            let file = CurriculumRoot.canonical(try ProgrammeLocator.programmeFile(at: path))
            let root = CurriculumRoot.find(for: file)
            let exporters = await PackBuilder.discoverExporters(configured: [])
            guard exporters["html"] != nil else {
                throw CommandFailure.tool(
                    "no exporter for html was found (looked beside the binary, in ../libexec/curriculum and on PATH)")
            }
            let builder = PreviewBuilder(
                programme: file, sessions: sessions, language: language, exporters: exporters
            ) { process in
                Terminal.standardOutput.write("html exporter started (process \(process))\n")
            }
            let site = PreviewSite()
            await Self.rebuild(builder, site: site, changes: nil)
            let server = PreviewServer(site: site, port: port).application { port in
                Terminal.standardOutput.write(
                    "preview at http://127.0.0.1:\(port)/ — watching \(DisplayPath.of(root.path)); Ctrl-C stops\n")
            }
            let watcher = FileWatcher(folder: root.path)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.runService(gracefulShutdownSignals: []) }
                group.addTask {
                    await watcher.watch(every: .milliseconds(20)) { changes in
                        await Self.rebuild(builder, site: site, changes: changes)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }

        static func milliseconds(_ duration: Duration) -> String {
            String(
                format: "%.1f",
                Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
        }

        /// Renders again and says so in the terminal, with the findings.
        static func rebuild(_ builder: PreviewBuilder, site: PreviewSite, changes: FileChanges?) async {
            let rendering = await builder.render(after: await site.rendering, changes: changes)
            await site.publish(rendering)
            var text = changes == nil ? "" : "changed; "
            let summary = DiagnosticSummary(rendering.diagnostics, files: 0)
            let count = rendering.rendered.count
            text +=
                "\(count) session\(count == 1 ? "" : "s") rendered (validated in \(Self.milliseconds(rendering.validationTime)) ms, rendered in \(Self.milliseconds(rendering.renderingTime)) ms); \(summary.errors) errors, \(summary.warnings) warnings, \(summary.infos) info\n"
            if let problem = rendering.problem { text += "error: \(problem)\n" }
            if !rendering.diagnostics.isEmpty {
                let report = ValidationReport(diagnostics: rendering.diagnostics, files: [])
                let rendered = DiagnosticRenderer.render(
                    RenderInput(report: report, failOn: .error, usesColor: Terminal.standardOutput.usesColor), as: .text
                )
                text +=
                    rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(
                        separator: "\n") + "\n"
            }
            Terminal.standardOutput.write(text)
        }
    }
}
