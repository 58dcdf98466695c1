public import CurriculumPluginKit
import Foundation

/// Tells which import format a source is in, for `--from auto`, from what the installed importers declare in
/// `capabilities.import.recognise` — the core itself knows no import format.
///
/// Signs are weighed in this order: a marker file at the top of a folder or zip archive or one folder down (the
/// shallowest wins, then the importer found first), the source's own file name as a marker, the root element of
/// an XML file, and last the ending of the file name (an archive too damaged to list is recognised this way, and
/// its importer says what is wrong with it).
public struct SourceRecogniser: Sendable {
    /// What each importer declared, in discovery order.
    public var recognitions: [SourceRecognition]

    /// A recogniser for the declarations of some importers.
    public init(recognitions: [SourceRecognition]) {
        self.recognitions = recognitions
    }

    /// A recogniser for what importers answered to `initialize`, in discovery order (the first to claim a sign
    /// keeps it).
    public init(handshakes: [InitializeResult]) {
        recognitions = handshakes.flatMap { handshake in
            let formats = handshake.capabilities.import?.formats ?? []
            // A plugin can only claim formats it imports.
            return (handshake.capabilities.import?.recognise ?? []).filter { formats.contains($0.format) }
        }
    }

    /// The format a source looks like, or `nil` when no importer recognises it.
    ///
    /// - Throws: ``ImportError`` with kind `.usage` when the source does not exist.
    public func format(of path: String) throws(ImportError) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(kind: .usage, message: "\(TerminalText.escaped(path)): no such file or folder")
        }
        let name = (path as NSString).lastPathComponent
        if isFolder.boolValue {
            // A marker at the top wins over any one folder down, so the folders are listed only when the top has
            // none (an Open edX export has thousands of files one folder down).
            let top = Self.topEntries(in: path)
            if let format = format(ofFiles: top.files) { return format }
            return format(ofFiles: Self.files(in: top.folders, of: path))
        }
        if let names = ZipEntryNames.of(path), let format = format(ofFiles: names) { return format }
        if let format = format(ofMarkerNamed: name) { return format }
        if let root = RootSniffer.rootName(ofFile: path) {
            let local = root.split(separator: ":").last.map(String.init) ?? root
            if let found = recognitions.first(where: { $0.rootElements?.contains(local) == true }) {
                return found.format
            }
        }
        let lowered = name.lowercased()
        let byEnding = recognitions.flatMap { recognition in
            (recognition.extensions ?? []).filter { lowered.hasSuffix($0.lowercased()) }.map {
                (recognition.format, $0.count)
            }
        }
        // The longest ending wins: `.tar.gz` over `.gz`.
        return byEnding.max { $0.1 < $1.1 }?.0
    }

    /// What the installed importers look for, for the message when nothing matched.
    public var summary: String {
        recognitions.map { recognition in
            let signs =
                (recognition.markerFiles ?? []) + (recognition.extensions ?? [])
                + (recognition.rootElements ?? []).map { "<\($0)>" }
            return "\(recognition.format): \(signs.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    private func format(ofFiles files: [String]) -> String? {
        // The shallowest marker wins, then the first by name. Each name's depth is counted once and nothing is
        // sorted: a sort whose comparator split both names on every comparison took a fifth of the time of
        // importing a 16,000-file course.
        // The markers are lowered once for the listing, not once for every file they are compared with.
        let markers = self.markers
        var best: (depth: Int, file: String, format: String)?
        for file in files where !file.hasSuffix("/") {
            let depth = file.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            guard depth <= 2 else { continue }
            let name = file.lastIndex(of: "/").map { String(file[file.index(after: $0)...]) } ?? file
            guard let format = Self.format(ofMarkerNamed: name, markers: markers) else { continue }
            if let current = best, (current.depth, current.file) <= (depth, file) { continue }
            best = (depth, file, format)
        }
        return best?.format
    }

    private func format(ofMarkerNamed name: String) -> String? {
        Self.format(ofMarkerNamed: name, markers: markers)
    }

    /// Every marker file name, lowered, with whether it is a `*ending`, in the importers' order.
    private var markers: [(pattern: String, isEnding: Bool, format: String)] {
        recognitions.flatMap { recognition in
            (recognition.markerFiles ?? []).map { marker in
                let pattern = marker.lowercased()
                return pattern.hasPrefix("*")
                    ? (String(pattern.dropFirst()), true, recognition.format) : (pattern, false, recognition.format)
            }
        }
    }

    /// The format of the first importer with a marker the name matches (case aside).
    private static func format(
        ofMarkerNamed name: String, markers: [(pattern: String, isEnding: Bool, format: String)]
    ) -> String? {
        let lowered = name.lowercased()
        return markers.first { $0.isEnding ? lowered.hasSuffix($0.pattern) : lowered == $0.pattern }?.format
    }

    /// The files and the folders at the top of a folder.
    private static func topEntries(in folder: String) -> (files: [String], folders: [String]) {
        var entries: (files: [String], folders: [String]) = ([], [])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { entries.folders.append(name) } else { entries.files.append(name) }
        }
        return entries
    }

    /// The files of some folders of a folder, as relative paths.
    private static func files(in folders: [String], of folder: String) -> [String] {
        folders.flatMap { name in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + name)) ?? []).map { name + "/" + $0 }
        }
    }
}
