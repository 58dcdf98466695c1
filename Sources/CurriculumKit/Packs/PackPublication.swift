import Foundation

/// Puts a finished pack in place: the folder `<name>` and, with `--zip`, `<name>.zip` beside it, in the output
/// folder `parent`.
///
/// Everything is staged first (the folder in `.<name>.staging-XXXXXX`, the zip in `.<name>.zip.partial-XXXXXX`,
/// both complete and flushed), so publishing is only renames: the old folder aside to `.<name>.old-XXXXXX`, the
/// staged folder into place, the staged zip over the old zip. When a rename fails the earlier ones are undone,
/// so the previous pack stays as it was; the error says so, or says exactly what is in place when even undoing
/// failed. A run killed between two renames leaves its leftovers, which the next run for the same pack clears:
/// it first puts back a pack a killed run had moved aside, then removes stale staging folders and partial zips.
struct PackPublication {
    /// The output folder, absolute.
    let parent: String
    /// The pack's folder name, already checked by ``PackName``.
    let name: String

    var destination: String { parent + "/" + name }
    var zipPath: String { destination + ".zip" }

    // MARK: - Leftovers

    /// The kinds of leftover a run of this pack can leave behind.
    enum Leftover: CaseIterable {
        case staging, retired, partialZip

        var marker: String {
            switch self {
            case .staging: ".staging"
            case .retired: ".old"
            case .partialZip: ".zip.partial"
            }
        }
    }

    /// Which kind of leftover of this pack a folder entry is, if any: `.<name><marker>-XXXXXX` exactly (the
    /// suffix `mkdtemp` and ``stageZip(_:)`` make), or `.<name>.zip.partial` as earlier versions left it. The
    /// exact shape keeps another pack whose name merely starts with this one's out of reach.
    func leftover(_ entry: String) -> Leftover? {
        let start = "." + name
        guard entry.hasPrefix(start) else { return nil }
        let rest = entry.dropFirst(start.count)
        for kind in Leftover.allCases {
            guard rest.hasPrefix(kind.marker) else { continue }
            let suffix = rest.dropFirst(kind.marker.count)
            if suffix.isEmpty && kind == .partialZip { return kind }
            if suffix.count == 7, suffix.first == "-",
                suffix.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            {
                return kind
            }
        }
        return nil
    }

    /// Clears what an earlier, interrupted run of this pack left: a pack it had moved aside goes back in place
    /// when nothing took its place, then staging folders, partial zips and retired packs are removed.
    ///
    /// - Returns: What was done, for the command to report.
    func clearLeftovers() -> [String] {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        var found: [(entry: String, kind: Leftover)] = entries.compactMap { entry in
            leftover(entry).map { (entry, $0) }
        }
        guard !found.isEmpty else { return [] }
        var report: [String] = []
        if !exists(destination) {
            let retired = found.filter { $0.kind == .retired }.map { parent + "/" + $0.entry }
            if let newest = retired.max(by: { modified($0) < modified($1) }), rename(newest, destination) == 0 {
                report.append("put back \(destination), which an interrupted run had moved aside")
                found.removeAll { parent + "/" + $0.entry == newest }
            }
        }
        for (entry, _) in found {
            let path = parent + "/" + entry
            if (try? manager.removeItem(atPath: path)) != nil {
                report.append("removed \(path), left by an interrupted run")
            }
        }
        return report
    }

    // MARK: - Publishing

    /// Writes the zip next to where it goes, complete and flushed, under a name no other run uses.
    func stageZip(_ archive: [UInt8]) throws(PackFailure) -> String {
        let suffix = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(6))
        let path = parent + "/.\(name).zip.partial-\(suffix)"
        StagingFolders.insert(path)
        do {
            try FileWriting.write(archive, to: path)
        } catch {
            StagingFolders.remove(path)
            unlink(path)
            throw PackFailure(
                kind: .io, message: "cannot write the zip of \(destination): \(error.message)", outcome: .unchanged)
        }
        return path
    }

    /// Moves the staged folder (and zip) into place, replacing an earlier pack whole, or leaves everything as it
    /// was and throws.
    func publish(staging: String, zip stagedZip: String?) throws(PackFailure) {
        defer {
            if let stagedZip {
                unlink(stagedZip)
                StagingFolders.remove(stagedZip)
            }
        }
        try StagingFolders.publishing { () throws(PackFailure) in try renameIntoPlace(staging, zip: stagedZip) }
    }

    /// The renames of ``publish(staging:zip:)``, undone in reverse when one fails.
    private func renameIntoPlace(_ staging: String, zip stagedZip: String?) throws(PackFailure) {
        var retired: String? = nil
        if exists(destination) {
            guard let aside = TemporaryFolder.make(in: parent, prefix: ".\(name).old") else {
                throw PackFailure(
                    kind: .io, message: "cannot make room to replace \(destination)", outcome: .unchanged)
            }
            rmdir(aside)
            guard rename(destination, aside) == 0 else {
                throw PackFailure(
                    kind: .io, message: "cannot replace \(destination): \(Self.lastError())", outcome: .unchanged)
            }
            retired = aside
        }
        guard rename(staging, destination) == 0 else {
            let reason = Self.lastError()
            throw failure("cannot publish \(destination): \(reason)", restoring: retired, newFolder: nil)
        }
        if let stagedZip {
            guard rename(stagedZip, zipPath) == 0 else {
                let reason = Self.lastError()
                throw failure("cannot write \(zipPath): \(reason)", restoring: retired, newFolder: staging)
            }
        } else if exists(zipPath) {
            // A zip from an earlier run would no longer match the pack that replaced it.
            unlink(zipPath)
        }
        if let retired { try? FileManager.default.removeItem(atPath: retired) }
        FileWriting.syncPath(parent)
    }

    /// Undoes the renames made so far and describes the outcome truthfully.
    ///
    /// - Parameters:
    ///   - retired: Where the previous pack was moved, if there was one.
    ///   - newFolder: Where to move the new folder back to, when it had already been published.
    private func failure(_ message: String, restoring retired: String?, newFolder: String?) -> PackFailure {
        if let newFolder, rename(destination, newFolder) != 0 {
            return PackFailure(
                kind: .io,
                message: message
                    + "; the new pack folder \(destination) stays in place without its zip"
                    + (retired.map { " (the previous pack is in \($0))" } ?? ""),
                outcome: .replacedWithoutZip)
        }
        if let retired, rename(retired, destination) != 0 {
            return PackFailure(
                kind: .io,
                message: message
                    + "; the previous pack could not be put back and is in \(retired) (the next run puts it back)",
                outcome: .previousMovedAside)
        }
        let previous =
            retired == nil
            ? "there was no pack at \(destination) before and there is none now"
            : "the previous pack at \(destination) is unchanged"
        return PackFailure(kind: .io, message: message + "; " + previous, outcome: .unchanged)
    }

    private func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    private func modified(_ path: String) -> Int {
        var status = stat()
        return lstat(path, &status) == 0 ? Int(status.st_mtim.tv_sec) : 0
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
