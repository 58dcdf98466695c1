import Foundation

/// Puts a finished pack in place: the folder `<name>` and, with `--zip`, the bundles `<name>-participants.zip` and
/// `<name>-facilitators.zip` beside it, in the output folder `parent`.
///
/// Everything is staged first (the folder in `.<name>.staging-XXXXXX`, each zip in `.<name>.zip.partial-XXXXXX`,
/// all complete and flushed), so publishing is only renames: the old folder aside to `.<name>.old-XXXXXX`, the
/// staged folder into place, then each staged zip over the old one, which is first linked aside
/// (`.<name>.zip.old-XXXXXX`) so it can be put back. When a rename fails the earlier ones are undone,
/// so the previous pack stays as it was; the error says so, or says exactly what is in place when even undoing
/// failed. A run killed between two renames leaves its leftovers, which the next run for the same pack clears:
/// it first puts back a pack a killed run had moved aside, then removes stale staging folders and partial zips.
struct PackPublication {
    /// The output folder, absolute.
    let parent: String
    /// The pack's folder name, already checked by ``PackName``.
    let name: String

    var destination: String { parent + "/" + name }
    /// The single zip earlier versions wrote; removed when a pack is published, since it would no longer match.
    var legacyZipPath: String { destination + ".zip" }

    /// The two bundles `--zip` writes.
    enum Bundle: String, CaseIterable {
        case participants, facilitators
    }

    /// Where a bundle goes.
    func zipPath(_ bundle: Bundle) -> String { destination + "-\(bundle.rawValue).zip" }

    /// A zip written beside its destination, ready to be renamed into place.
    struct StagedZip {
        var path: String
        var destination: String
    }

    // MARK: - Leftovers

    /// The kinds of leftover a run of this pack can leave behind.
    enum Leftover: CaseIterable {
        case staging, retired, partialZip, retiredZip

        var marker: String {
            switch self {
            case .staging: ".staging"
            case .retired: ".old"
            case .partialZip: ".zip.partial"
            case .retiredZip: ".zip.old"
            }
        }
    }

    /// Which kind of leftover of this pack a folder entry is, if any: `.<name><marker>-XXXXXX` exactly (the
    /// suffix `mkdtemp` and ``stageZip(for:_:)`` make), or `.<name>.zip.partial` as earlier versions left it. The
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

    /// Writes a bundle next to where it goes, complete and flushed, under a name no other run uses: `fill` adds
    /// its entries to the archive, which is streamed to disk as they come.
    func stageZip(
        for bundle: Bundle, _ fill: (ZipFileWriter) throws(PackFailure) -> Void
    ) throws(PackFailure) -> StagedZip {
        let path = parent + "/.\(name).zip.partial-\(Self.suffix())"
        StagingFolders.insert(path)
        do {
            let writer = try ZipFileWriter(creating: path)
            try fill(writer)
            try writer.finish()
        } catch {
            StagingFolders.remove(path)
            unlink(path)
            throw PackFailure(
                kind: .io, message: "cannot write the zip of \(destination): \(error.message)", outcome: .unchanged)
        }
        return StagedZip(path: path, destination: zipPath(bundle))
    }

    /// Removes staged zips that were not published (after a failure); harmless for published ones.
    func discard(_ zips: [StagedZip]) {
        for zip in zips {
            unlink(zip.path)
            StagingFolders.remove(zip.path)
        }
    }

    /// Moves the staged folder (and zips) into place, replacing an earlier pack whole, or leaves everything as it
    /// was and throws.
    func publish(staging: String, zips: [StagedZip]) throws(PackFailure) {
        try StagingFolders.publishing { () throws(PackFailure) in try renameIntoPlace(staging, zips: zips) }
    }

    /// The renames of ``publish(staging:zips:)``, undone in reverse when one fails.
    private func renameIntoPlace(_ staging: String, zips: [StagedZip]) throws(PackFailure) {
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
        // Each old zip is linked aside before the new one replaces it, so a later failure can put it back.
        var placed: [(destination: String, previous: String?)] = []
        for zip in zips {
            var previous: String? = nil
            if exists(zip.destination) {
                let aside = parent + "/.\(name).zip.old-\(Self.suffix())"
                guard link(zip.destination, aside) == 0 else {
                    let reason = Self.lastError()
                    restore(placed)
                    throw failure(
                        "cannot write \(zip.destination): \(reason)", restoring: retired, newFolder: staging)
                }
                previous = aside
            }
            guard rename(zip.path, zip.destination) == 0 else {
                let reason = Self.lastError()
                if let previous { unlink(previous) }
                restore(placed)
                throw failure("cannot write \(zip.destination): \(reason)", restoring: retired, newFolder: staging)
            }
            placed.append((zip.destination, previous))
        }
        for (_, previous) in placed { if let previous { unlink(previous) } }
        // Zips that no longer match the pack that replaced them: the single zip of earlier versions always, the
        // bundles when this run wrote none.
        var stale = [legacyZipPath]
        if zips.isEmpty { stale += Bundle.allCases.map(zipPath) }
        for path in stale where exists(path) { unlink(path) }
        if let retired { try? FileManager.default.removeItem(atPath: retired) }
        FileWriting.syncPath(parent)
    }

    /// Puts back the zips a failed publication had already replaced (or removes those that were new).
    private func restore(_ placed: [(destination: String, previous: String?)]) {
        for (destination, previous) in placed.reversed() {
            if let previous {
                rename(previous, destination)
            } else {
                unlink(destination)
            }
        }
    }

    /// Six letters and digits for a name no other run uses.
    private static func suffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(6))
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
                    + "; the new pack folder \(destination) stays in place without its zips"
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
