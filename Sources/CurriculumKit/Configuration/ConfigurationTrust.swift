import Foundation

/// Which `curriculum.json` files found beside curricula are used.
///
/// A configuration runs programs (its `plugins`), switches rules off and points exporters at template folders,
/// so one that arrived with a curriculum from somewhere else must not take effect just because the curriculum
/// is validated or packed. A configuration found beside a curriculum is used only when it lies inside the current
/// folder, or inside the repository that holds the current folder (the nearest folder above it with `.git`), or
/// when the command was given `--trust-config`. A configuration named with `--config` is always used: naming it is
/// the decision to trust it.
public struct ConfigurationTrust: Sendable, Equatable {
    /// Whether every configuration is used wherever it is (`--trust-config`).
    public var trustsEveryConfiguration: Bool
    /// Folders (absolute, without symbolic links) whose configurations are used.
    public var trustedFolders: [String]

    /// Creates a trust policy.
    public init(trustsEveryConfiguration: Bool = false, trustedFolders: [String]) {
        self.trustsEveryConfiguration = trustsEveryConfiguration
        self.trustedFolders = trustedFolders.map(CurriculumRoot.canonical)
    }

    /// The current folder and the repository holding it; with `trustingEveryConfiguration`, everything.
    public static func workingFolder(trustingEveryConfiguration: Bool = false) -> ConfigurationTrust {
        let current = CurriculumRoot.canonical(FileManager.default.currentDirectoryPath)
        var folders = [current]
        if let top = repositoryTop(above: current), top != current { folders.append(top) }
        return ConfigurationTrust(trustsEveryConfiguration: trustingEveryConfiguration, trustedFolders: folders)
    }

    /// Whether a configuration file may be used.
    public func trusts(_ file: String) -> Bool {
        if trustsEveryConfiguration { return true }
        let path = CurriculumRoot.canonical(file)
        return trustedFolders.contains { folder in folder == "/" || path.hasPrefix(folder + "/") }
    }

    /// The nearest folder at or above `folder` holding `.git`, if any.
    static func repositoryTop(above folder: String) -> String? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }
}
