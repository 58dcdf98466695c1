import ArgumentParser
import CurriculumKit
import Foundation

extension CurriculumCommand {
    /// `curriculum init`: a small working programme to start from.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new curriculum: a one-day workshop that validates and packs, and a README.",
            discussion: """
                Writes a programme with one module, a one-day session, objectives, a case study, an example \
                delivery marked fictional, a handout and a curriculum.json into DIR, which must be empty or \
                not exist yet. Its README explains the loop: edit, validate, explain, preview, pack.

                Examples:
                  curriculum init my-workshop
                  curriculum init atelier --language fr
                """)

        @Argument(help: "The folder to create (default: the current folder, which must then be empty).")
        var directory: String = "."

        @Option(help: ArgumentHelp("The language the texts are written in (a BCP 47 tag).", valueName: "LANG"))
        var language: String = "en"

        func validate() throws {
            let tag = /[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*/
            if (try? tag.wholeMatch(in: language)) == nil {
                throw ValidationError("--language must be a language tag such as en, fr or pt-BR")
            }
        }

        func run() throws {
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CommandFailure.usage("\(directory) is a file; name a new or empty folder")
                }
                let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
                if !contents.isEmpty {
                    throw CommandFailure.usage(
                        "\(directory) is not empty; nothing was written (name a new or empty folder)")
                }
            }
            let starter = StarterCurriculum(id: Self.programmeID(for: directory), language: language)
            do {
                for file in starter.files {
                    let path = (directory as NSString).appendingPathComponent(file.path)
                    try manager.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
                }
            } catch {
                throw CommandFailure.tool("cannot write into \(directory): \(error.localizedDescription)")
            }
            let shown = directory == "." ? "." : directory
            Terminal.standardOutput.write(
                """
                wrote a one-day workshop to \(shown)/ (programme.xml and \(starter.files.count - 1) more files)
                next: curriculum validate \(shown)   then read \(shown)/README.md

                """)
        }

        /// An XML ID from the folder's name: letters, digits, `-`, `_` and `.`, starting with a letter.
        static func programmeID(for directory: String) -> String {
            let name = (CurriculumRoot.canonical(directory) as NSString).lastPathComponent.lowercased()
            var id = String(
                name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
            while id.contains("--") { id = id.replacingOccurrences(of: "--", with: "-") }
            id = id.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            guard let first = id.first, first.isLetter else { return "workshop" + (id.isEmpty ? "" : "-" + id) }
            return id
        }
    }
}
