public import CurriculumPluginKit
import Foundation

/// What plugins answered to `initialize`, remembered between runs so discovery does not start every plugin on
/// every run: `$XDG_CACHE_HOME/curriculumkit/handshakes.json` (else `~/.cache/curriculumkit/handshakes.json`).
///
/// An entry is keyed by the executable's path and holds its size and modification time; a plugin that changed
/// is asked again. A handshake that failed is remembered too, so a broken or hanging plugin on `PATH` slows one
/// run, not every run. The file is only a cache: one that cannot be read or decoded is ignored and replaced, one
/// that cannot be written is left alone, and entries from another version of the core are ignored.
public struct HandshakeCache: Sendable {
    /// One remembered handshake.
    public struct Entry: Codable, Sendable, Equatable {
        public var size: Int64
        public var modified: Double
        /// The answer, when the handshake succeeded.
        public var handshake: InitializeResult?
        /// Why it failed, when it did.
        public var failure: String?
    }

    private struct File: Codable {
        var core: String
        var entries: [String: Entry]
    }

    /// Who wrote the file: the core's version and the generation of the handshake's fields. A core that does not
    /// know a field (`capabilities.export.batched`) would drop it when it rewrites the file, so a file written by
    /// another generation is ignored, not merged. Raise the generation when a handshake field is added.
    static let writer = "\(ToolVersion.current) handshake 2"

    /// The cache file, or `nil` when there is no home folder to keep it in.
    public let path: String?
    private var entries: [String: Entry]
    private var changed = false

    /// Reads the cache at its usual place (or an explicit file, for tests).
    public init(path: String? = HandshakeCache.defaultPath()) {
        self.path = path
        entries = [:]
        guard let path, let data = FileManager.default.contents(atPath: path),
            let file = try? JSONDecoder().decode(File.self, from: data), file.core == Self.writer
        else { return }
        entries = file.entries
    }

    /// `$XDG_CACHE_HOME/curriculumkit/handshakes.json`, else `$HOME/.cache/curriculumkit/handshakes.json`.
    public static func defaultPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return xdg + "/curriculumkit/handshakes.json"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/curriculumkit/handshakes.json"
    }

    /// The remembered entry for an executable, if the file has not changed since.
    public func entry(for executable: String) -> Entry? {
        guard let stamp = Self.stamp(of: executable), let entry = entries[executable],
            entry.size == stamp.size, entry.modified == stamp.modified
        else { return nil }
        return entry
    }

    /// Remembers a handshake, or why it failed.
    public mutating func record(_ executable: String, handshake: InitializeResult?, failure: String?) {
        guard let stamp = Self.stamp(of: executable) else { return }
        entries[executable] = Entry(
            size: stamp.size, modified: stamp.modified, handshake: handshake, failure: failure)
        changed = true
    }

    /// Writes the cache if anything was recorded: a private folder, a new file renamed into place.
    public func save() {
        guard changed, let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(File(core: Self.writer, entries: entries)) else { return }
        let temporary = folder + "/.handshakes-\(getpid())-\(UUID().uuidString).json"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    private static func stamp(of executable: String) -> (size: Int64, modified: Double)? {
        var info = stat()
        guard stat(executable, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return (Int64(info.st_size), Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}

extension HandshakeCache {
    /// The formats the installed (bundled and `PATH`) plugins offer, as far as the cache knows them without
    /// starting anything: for help texts. `nil` when the cache knows none of them yet.
    public static func knownFormats(_ formats: (Capabilities) -> [String]) -> [String]? {
        let cache = HandshakeCache()
        var known: [String] = []
        var answered = false
        for spec in PluginDiscovery.installed() {
            guard let handshake = cache.entry(for: spec.executable)?.handshake else { continue }
            answered = true
            for format in formats(handshake.capabilities) where !known.contains(format) { known.append(format) }
        }
        return answered ? known.sorted() : nil
    }
}
