import CurriculumKit
import Foundation

/// A module, session, case study or delivery given where a programme is needed. `validate` checks such a file
/// on its own (STR013: not part of any programme); `show`, `pack` and `assemble` need the programme around it and
/// refuse with this one message, saying where to include it.
enum StandaloneDocument {
    /// The container and `expect=` value of each document kind that a programme includes.
    private static let containers = [
        "module": "modules", "session": "sessions", "case-study": "case-studies", "delivery": "deliveries",
    ]

    /// The refusal for a file that loaded without errors but is not a programme.
    static func refusal(for file: String, root: CurriculumRoot) -> CommandFailure {
        let shown = DisplayPath.of(file)
        guard let kind = rootElementName(of: file), let container = containers[kind] else {
            return .usage("\(shown) is not a <programme> document; give a programme file or its folder")
        }
        if kind == "delivery" {
            return .usage(
                "\(shown) is a <delivery>, not a programme; give the programme and this file with --delivery-file \(shown)"
            )
        }
        var advice = "include it from a programme"
        let programmes = (try? CurriculumDiscovery.units(for: [root.path]).filter(\.isPrimary)) ?? []
        if programmes.count == 1 {
            let programme = programmes[0].path
            let href = CurriculumCommand.Assemble.relativePath(
                from: (programme as NSString).deletingLastPathComponent, to: file)
            advice =
                "add <include href=\"\(href)\" expect=\"\(kind)\"/> inside <\(container)> of \(DisplayPath.of(programme))"
        }
        return .usage(
            "\(shown) is a <\(kind)> that is not part of any programme, so it cannot be used on its own; \(advice), then give the programme"
        )
    }

    /// The local name of the first element of a file, read from its first kilobytes past comments and declarations.
    static func rootElementName(of file: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 16_384), let text = String(bytes: data, encoding: .utf8) else {
            return nil
        }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                let end = rest.hasPrefix("!--") ? rest.range(of: "-->")?.upperBound : rest.firstIndex(of: ">")
                guard let end else { return nil }
                rest = rest[end...]
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }
}
