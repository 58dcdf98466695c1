import ArgumentParser
import CurriculumExportKit
import CurriculumKit
import Foundation

extension CurriculumCommand {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with the HTML exporter's templates.",
            subcommands: [Export.self])

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the default templates and stylesheet into a folder, to edit and use with --templates.",
                discussion: """
                    Writes facilitator-guide.mustache, participant-pack.mustache and styles.css. A file that exists \
                    already is left as it is unless --force is given.
                    """)

            @Argument(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR"))
            var folder: String

            @Flag(help: "Replace files that exist already.")
            var force = false

            func run() throws {
                let manager = FileManager.default
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                    throw CommandFailure.usage("\(TerminalText.escaped(folder)) exists and is not a folder")
                }
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure.usage(
                        "cannot create \(TerminalText.escaped(folder)): \(error.localizedDescription)")
                }
                let files = DefaultTemplates.files.map {
                    ((folder as NSString).appendingPathComponent($0.name), $0.text)
                }
                // Checked before anything is written, so a refusal leaves the folder as it was.
                for (path, _) in files where manager.fileExists(atPath: path) && !force {
                    throw CommandFailure.usage(
                        "\(TerminalText.escaped(path)) exists; nothing was replaced (give --force to replace it)")
                }
                for (path, text) in files {
                    do {
                        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
                    } catch {
                        throw CommandFailure.usage(
                            "cannot write \(TerminalText.escaped(path)): \(error.localizedDescription)")
                    }
                }
                for (path, _) in files { Terminal.standardOutput.write("wrote \(TerminalText.escaped(path))\n") }
            }
        }
    }
}
