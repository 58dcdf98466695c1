import ArgumentParser
import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

extension CurriculumCommand {
    struct Assemble: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a new session from modules: their activities laid out across days with breaks and a meal.",
            discussion: """
                The activities of the modules are placed in order, with a welcome, a break whenever 90 minutes \
                would pass without one, lunch from 12:00, and a closing evaluation; days are at most 8 hours. If \
                they do not fit, nothing is written and the message says by how much.

                Examples:
                  curriculum assemble Curricula/liaise --module m-families \\
                      --module m-schools --days 1
                  curriculum assemble Curricula/liaise --module m-families \\
                      --module m-schools --days 1 --title "Families and schools" \\
                      --out Curricula/liaise/sessions/families-schools.xml --add
                  curriculum pack Curricula/liaise --session asm-families-schools
                """)

        @Argument(help: "A programme file, or a folder holding exactly one programme.")
        var path: String

        @Option(
            name: .customLong("module"),
            help: ArgumentHelp("A module to include, in order; repeatable.", valueName: "ID"))
        var modules: [String] = []

        @Option(help: "How many days the session lasts.")
        var days: Int = 1

        @Option(help: "The session's title (default: the modules' titles).")
        var title: String?

        @Option(help: ArgumentHelp("The session's ID (default: asm- and the module names).", valueName: "ID"))
        var id: String?

        @Option(help: ArgumentHelp("When each day starts, HH:MM.", valueName: "HH:MM"))
        var start: String = "09:00"

        @Option(help: ArgumentHelp("Write the session document here instead of printing it.", valueName: "FILE"))
        var out: String?

        @Flag(help: "Also include the written session in the programme, so `curriculum pack` packs it.")
        var add = false

        func validate() throws {
            if modules.isEmpty { throw ValidationError("name at least one --module") }
            if days < 1 || days > 14 { throw ValidationError("--days must be between 1 and 14") }
            if ClockTime(start) == nil { throw ValidationError("--start must be HH:MM, such as 09:00") }
            if add && out == nil { throw ValidationError("--add needs --out FILE") }
        }

        func run() async throws {
            let file = try ProgrammeLocator.programmeFile(at: path)
            let loaded = try await ProgrammeLocator.load(file)
            guard let curriculum = loaded.curriculum else { throw CommandFailure.content() }
            if let id, curriculum.session(id) != nil {
                throw CommandFailure.usage("the programme already has a session \"\(id)\"; choose another --id")
            }
            let request = SessionAssembler.Request(
                modules: modules, days: days, title: title, id: id, start: ClockTime(start) ?? ClockTime(minutes: 540))
            let assembled: SessionAssembler.Result
            do throws(SessionAssembler.Refusal) {
                assembled = try SessionAssembler().assemble(request, from: curriculum)
            } catch {
                throw CommandFailure.content("error: \(error.message)")
            }
            if curriculum.session(assembled.id) != nil {
                throw CommandFailure.usage(
                    "the programme already has a session \"\(assembled.id)\"; choose another --id")
            }
            let xml = AssembledSessionWriter.xml(assembled)
            guard let out else {
                Terminal.standardOutput.write(xml)
                return
            }
            if FileManager.default.fileExists(atPath: out) {
                throw CommandFailure.usage("\(out) exists; nothing was written")
            }
            do {
                try FileManager.default.createDirectory(
                    atPath: (out as NSString).deletingLastPathComponent.isEmpty
                        ? "." : (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try xml.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.tool("cannot write \(out): \(error.localizedDescription)")
            }
            var message =
                "wrote session \(assembled.id) (\(assembled.days.count) day\(assembled.days.count == 1 ? "" : "s"), \(assembled.days.map { "\($0.start)–\($0.end)" }.joined(separator: ", "))) to \(out)\n"
            let href = Self.relativePath(from: (file as NSString).deletingLastPathComponent, to: out)
            let include = "<include href=\"\(MarkupEscaping.attribute(href))\" expect=\"session\"/>"
            if add {
                do throws(CommandFailure) {
                    try Self.addInclude(include, to: file)
                } catch {
                    try? FileManager.default.removeItem(atPath: out)
                    throw error
                }
                message += "added \(include) to \(DisplayPath.of(CurriculumRoot.canonical(file)))\n"
            } else {
                message +=
                    "to pack it, add \(include) inside <sessions> of \(DisplayPath.of(CurriculumRoot.canonical(file)))\n"
            }
            Terminal.standardOutput.write(message)
        }

        /// Inserts an include before the programme's closing `</sessions>`, keeping the rest of the file as it was.
        static func addInclude(_ include: String, to programme: String) throws(CommandFailure) {
            guard var text = try? String(contentsOfFile: programme, encoding: .utf8),
                let close = text.range(of: "</sessions>", options: .backwards)
            else {
                throw CommandFailure.tool("cannot find </sessions> in \(programme); add \(include) by hand")
            }
            let lineStart =
                text[..<close.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? close.lowerBound
            let indent = String(text[lineStart..<close.lowerBound].prefix { $0 == " " })
            text.insert(contentsOf: "  \(include)\n\(indent)", at: close.lowerBound)
            do { try text.write(toFile: programme, atomically: true, encoding: .utf8) } catch {
                throw CommandFailure.tool("cannot update \(programme): \(error.localizedDescription)")
            }
        }

        static func relativePath(from folder: String, to file: String) -> String {
            let from = CurriculumRoot.canonical(folder).split(separator: "/")
            let to = CurriculumRoot.canonical(file).split(separator: "/")
            var common = 0
            while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
            return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(
                separator: "/")
        }
    }
}
