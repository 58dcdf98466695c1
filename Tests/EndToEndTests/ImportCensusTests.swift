import Foundation
import Testing

/// "Nothing silent": for representative sources of each importer, every unit, problem, video, topic, item, page,
/// question, link, image and list item of the source is either in the imported document or named in a finding.
@Suite struct ImportCensusTests {
    /// The document an import writes and the findings it reports, as one searchable text.
    struct Imported {
        var xml: String
        var findings: [String]

        /// Whether the output holds `witness`, or a finding names one of `names`.
        func accounts(for witness: String, or names: [String]) -> Bool {
            xml.contains(witness)
                || findings.contains { finding in names.contains { !$0.isEmpty && finding.contains($0) } }
        }

        func count(_ text: String) -> Int { xml.components(separatedBy: text).count - 1 }
    }

    /// Whether an import accounts for something (a Bool, so that a failure does not print the whole document).
    static func found(_ imported: Imported, _ witness: String, or names: [String]) -> Bool {
        imported.accounts(for: witness, or: names)
    }

    static func run(_ source: String, _ extra: [String] = []) throws -> Imported {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", source, "--out", out, "--format", "json"] + extra)
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        let findings = try result.diagnostics().map { "\($0.code) \($0.path):\($0.line) \($0.message)" }
        return Imported(xml: xml, findings: findings)
    }

    /// The text of every file under a folder with one of the extensions, by path relative to it.
    static func files(_ folder: String, _ extensions: Set<String>) -> [(path: String, text: String)] {
        var found: [(String, String)] = []
        let root = URL(fileURLWithPath: folder)
        for case let file as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? .init()
        where extensions.contains(file.pathExtension) {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            found.append((String(file.path.dropFirst(root.path.count + 1)), text))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The opening tags named `name` in a text, each as its attributes.
    static func tags(_ name: String, in text: String) -> [[String: String]] {
        let pattern = try? NSRegularExpression(pattern: "<(?:\(name))\\b([^>]*)>")
        let attribute = try? NSRegularExpression(pattern: "([A-Za-z_:-]+)=\"([^\"]*)\"")
        let range = NSRange(text.startIndex..., in: text)
        return (pattern?.matches(in: text, range: range) ?? []).map { match in
            let inside = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            var attributes: [String: String] = [:]
            for found in attribute?.matches(in: inside, range: NSRange(inside.startIndex..., in: inside)) ?? [] {
                if let key = Range(found.range(at: 1), in: inside), let value = Range(found.range(at: 2), in: inside) {
                    attributes[String(inside[key])] = String(inside[value])
                }
            }
            return attributes
        }
    }

    static func occurrences(of text: String, in sources: [(path: String, text: String)]) -> Int {
        sources.reduce(0) { $0 + $1.text.components(separatedBy: text).count - 1 }
    }

    // MARK: - Open edX

    @Test(arguments: ["partners", "assessed"])
    func everyPartOfAnOLXCourseArrivesOrIsNamed(course: String) throws {
        let folder = CLI.fixture("import/olx/" + course)
        let imported = try Self.run(folder)
        let sources = Self.files(folder, ["xml", "html"])
        var displayNames: [String: String] = [:]
        for (path, text) in sources {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let first = Self.tags("[a-z_]+", in: text).first, let display = first["display_name"] {
                displayNames[name] = display
            }
        }
        var checked = 0
        for (path, text) in sources {
            for kind in ["vertical", "problem", "video", "html"] {
                for tag in Self.tags(kind, in: text) {
                    guard let url = tag["url_name"] else { continue }
                    let names = [tag["display_name"], displayNames[url], url].compactMap { $0 }
                    let witness: String =
                        switch kind {
                        case "vertical": "id=\"\(url)\""
                        case "problem": "id=\"\(url)-q"
                        case "video": "id=\"\(url)\""
                        default: "<"  // html: its words are checked through list items, links and images below
                        }
                    #expect(Self.found(imported, witness, or: names), "<\(kind) url_name=\"\(url)\"> in \(path)")
                    checked += 1
                }
            }
            for reference in Self.tags("a", in: text).compactMap({ $0["href"] })
                + Self.tags("img", in: text).compactMap({ $0["src"] })
            where reference.hasPrefix("/static/") {
                let name = String(reference.dropFirst("/static/".count))
                #expect(Self.found(imported, "files/static/" + name, or: [name]), "\(reference) in \(path)")
                checked += 1
            }
        }
        // The handouts page's list is a list of files: each one is a resource, checked above.
        let prose = sources.filter { !$0.path.hasPrefix("info/") }
        #expect(imported.count("<li>") >= Self.occurrences(of: "<li>", in: prose), "every list item")
        let choices = Self.occurrences(of: "<choice ", in: sources) + Self.occurrences(of: "<choice>", in: sources)
        #expect(imported.count("<option") >= choices, "every choice is an option")
        #expect(checked > 5)
    }

    // MARK: - DITA

    @Test(arguments: [("good", "good"), ("maps-layout", "maps-layout/maps/course.ditamap")])
    func everyPartOfADITACourseArrivesOrIsNamed(folder: String, source: String) throws {
        let root = CLI.fixture("import/dita/" + folder)
        let imported = try Self.run(CLI.fixture("import/dita/" + source), ["--option", "durationUnit=minutes"])
        let maps = Self.files(root, ["ditamap"])
        let topics = Self.files(root, ["dita"])
        var checked = 0
        for (path, text) in maps {
            for tag in Self.tags("[A-Za-z]*Ref|topicref|mapref", in: text) {
                guard let href = tag["href"], href.hasSuffix(".dita") else { continue }
                let file = (href as NSString).lastPathComponent
                let topic = topics.first { $0.path.hasSuffix("/" + file) || $0.path == file }
                let id = topic.flatMap { Self.tags("[A-Za-z]+", in: $0.text).first?["id"] } ?? file
                #expect(Self.found(imported, "id=\"\(id)\"", or: [href, file]), "\(href) in \(path)")
                checked += 1
            }
        }
        for (path, text) in topics {
            for image in Self.tags("image", in: text).compactMap({ $0["href"] }) {
                let name = (image as NSString).lastPathComponent
                #expect(Self.found(imported, name, or: [name, image]), "\(image) in \(path)")
                checked += 1
            }
            for link in Self.tags("xref", in: text) where link["scope"] == "external" {
                let href = link["href"] ?? ""
                #expect(Self.found(imported, href, or: [href]), "\(href) in \(path)")
                checked += 1
            }
        }
        #expect(imported.count("<li>") >= Self.occurrences(of: "<li>", in: topics), "every list item")
        #expect(
            imported.count("<option") >= Self.occurrences(of: "<lcAnswerOption>", in: topics), "every answer option")
        #expect(checked > 2)
    }

    // MARK: - Common Cartridge

    @Test(arguments: ["cc13-course", "canvas-pages", "scorm12-single-launch"])
    func everyPartOfACartridgeArrivesOrIsNamed(package: String) throws {
        let folder = CLI.fixture("import/imscc/" + package)
        let imported = try Self.run(folder, ["--option", "defaultDuration=PT30M"])
        let manifest = try String(contentsOfFile: folder + "/imsmanifest.xml", encoding: .utf8)
        var checked = 0
        // Every item's title.
        let titles = try NSRegularExpression(pattern: "<title>([^<]+)</title>")
        for match in titles.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            guard let range = Range(match.range(at: 1), in: manifest) else { continue }
            let plain = String(manifest[range])
            // A title may lose a "Day 1:" or "Week 2:" prefix that became the day's number.
            let tail = plain.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? plain
            let escaped = [plain, tail].map { $0.replacingOccurrences(of: "&", with: "&amp;") }
            let present = escaped.contains { Self.found(imported, ">" + $0 + "<", or: [plain]) }
            #expect(present, "the item \"\(plain)\"")
            checked += 1
        }
        // Every web-content file: a resource, or text of the item that shows it.
        for tag in Self.tags("resource", in: manifest) where tag["type"] == "webcontent" {
            guard let href = tag["href"] else { continue }
            #expect(
                imported.accounts(for: "files/" + href, or: [href, tag["identifier"] ?? href]),
                "the resource \(tag["identifier"] ?? href)")
            checked += 1
        }
        // Every QTI item: a question.
        let qti = Self.files(folder, ["xml"]).filter { $0.text.contains("questestinterop") }
        let items = qti.reduce(0) { $0 + Self.tags("item", in: $1.text).count }
        #expect(imported.count("<question ") >= items, "every QTI item is a question")
        let pages = Self.files(folder, ["html"])
        #expect(imported.count("<li>") >= Self.occurrences(of: "<li>", in: pages), "every list item")
        #expect(checked > 1)
    }
}
