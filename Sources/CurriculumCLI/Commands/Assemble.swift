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
                The activities of the modules, then the single activities named with --activity, are placed in \
                order, with a welcome, a break whenever 90 minutes would pass without one, lunch from 12:00, and a \
                closing evaluation; days are at most 8 hours, or the --fit budget. With --fit, activities are \
                shortened evenly towards their min= durations, as little as needed, and written as <item> copies \
                at their new length. If they do not fit, nothing is written and the message lists what to drop or \
                shorten, largest saving first.

                Examples:
                  curriculum assemble Curricula/liaise --module m-families \\
                      --module m-schools --days 1
                  curriculum assemble Curricula/liaise --module m-families \\
                      --module m-schools --days 1 --title "Families and schools" \\
                      --out Curricula/liaise/sessions/families-schools.xml --add
                  curriculum pack Curricula/liaise --session asm-families-schools
                  curriculum assemble Curricula/liaise --module m-families \\
                      --activity a-sch-cases --fit PT8H
                """)

        @Argument(help: "A programme file, or a folder holding exactly one programme.")
        var path: String

        @Option(
            name: .customLong("module"),
            help: ArgumentHelp("A module to include, in order; repeatable.", valueName: "ID"))
        var modules: [String] = []

        @Option(
            name: .customLong("activity"),
            help: ArgumentHelp(
                "One activity of any module to include, after the modules' activities; repeatable.",
                valueName: "ID"))
        var activities: [String] = []

        @Option(
            help: ArgumentHelp(
                "A day's time budget, pauses included (ISO 8601, such as PT6H30M); shortens activities towards min=.",
                valueName: "DURATION"))
        var fit: String?

        @Option(
            help: ArgumentHelp(
                "The audience the session is for (default: the programme's first participant audience).",
                valueName: "ID"))
        var audience: String?

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

        @OptionGroup var configuration: ConfigurationOptions

        func validate() throws {
            if modules.isEmpty && activities.isEmpty {
                throw ValidationError("name at least one --module or --activity")
            }
            if let fit {
                guard let budget = ISODuration(fit)?.minutes, budget >= 60, budget <= 14 * 60 else {
                    throw ValidationError("--fit must be a duration between PT1H and PT14H, such as PT6H30M")
                }
            }
            if days < 1 || days > 14 { throw ValidationError("--days must be between 1 and 14") }
            if ClockTime(start) == nil { throw ValidationError("--start must be HH:MM, such as 09:00") }
            if add && out == nil { throw ValidationError("--add needs --out FILE") }
        }

        func run() async throws {
            let file = try ProgrammeLocator.programmeFile(at: path)
            let loaded = try await ProgrammeLocator.load(file, configuration: configuration)
            guard let curriculum = loaded.curriculum else { throw CommandFailure.content() }
            if let id, curriculum.session(id) != nil {
                throw CommandFailure.usage("the programme already has a session \"\(id)\"; choose another --id")
            }
            if let audience, !curriculum.audiences.contains(where: { $0.id == audience }) {
                let known = curriculum.audiences.map(\.id)
                throw CommandFailure.usage(
                    "no audience \"\(audience)\" in \(curriculum.id)"
                        + (known.isEmpty ? "" : "; audiences: \(known.joined(separator: ", "))"))
            }
            let request = SessionAssembler.Request(
                modules: modules, days: days, title: title, id: id, start: ClockTime(start) ?? ClockTime(minutes: 540),
                activities: activities, audience: audience, dayLength: fit.flatMap { ISODuration($0)?.minutes })
            let assembled: SessionAssembler.Result
            do throws(SessionAssembler.Refusal) {
                assembled = try SessionFitter().fit(request, from: curriculum, shorten: fit != nil)
            } catch {
                throw CommandFailure.content("error: \(error.message)")
            }
            if curriculum.session(assembled.id) != nil {
                throw CommandFailure.usage(
                    "the programme already has a session \"\(assembled.id)\"; choose another --id")
            }
            let xml = AssembledSessionWriter.xml(assembled)
            let adapted = Self.adaptedActivities(assembled)
            guard let out else {
                Terminal.standardOutput.write(xml)
                if !adapted.isEmpty { Terminal.standardError.write(adapted) }
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
            var message = adapted
            message +=
                "wrote session \(TerminalText.escaped(assembled.id)) (\(assembled.days.count) day\(assembled.days.count == 1 ? "" : "s"), \(assembled.days.map { "\($0.start)–\($0.end)" }.joined(separator: ", "))) to \(out)\n"
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

        /// "shortened to fit: …", naming each activity written at another length than its own.
        static func adaptedActivities(_ result: SessionAssembler.Result) -> String {
            var changes: [String] = []
            for day in result.days {
                for case .adapted(_, let activity, let minutes) in day.entries {
                    let from = ISODuration(minutes: activity.minutes ?? 0).humanReadable
                    changes.append("\(activity.id) \(from) → \(ISODuration(minutes: minutes).humanReadable)")
                }
            }
            return changes.isEmpty ? "" : "shortened to fit: \(changes.joined(separator: ", "))\n"
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
