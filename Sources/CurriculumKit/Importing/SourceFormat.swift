import CurriculumImportKit
import Foundation

/// Tells which import format a source is in, for `--from auto`, by the files that mark each format at the top of
/// the source or one folder down: `imsmanifest.xml` (IMS Common Cartridge and SCORM), `course.xml` (Open edX
/// OLX), a `.ditamap` (DITA). Archives are looked into without being expanded.
public enum SourceFormat {
    /// The formats `--from` accepts besides `auto`.
    public static let known = ["olx", "dita", "imscc"]

    /// The format a source looks like, or `nil` when nothing marks it.
    ///
    /// - Throws: ``ImportError`` with kind `.content` when the source cannot be opened (a damaged or unsafe
    ///   archive), `.usage` when it does not exist.
    public static func detect(_ path: String) throws(ImportError) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(kind: .usage, message: "\(path): no such file or folder")
        }
        let name = (path as NSString).lastPathComponent
        if !isFolder.boolValue {
            // Archives are not expanded here, the importer does that: a tar is an Open edX export by its name, a
            // zip is judged by its directory, and one too damaged or unsafe to list goes to the Common Cartridge
            // importer, which reports why with its code and location.
            if let format = format(ofArchiveNamed: name), format == "olx" { return format }
            do {
                if let names = try SourceTree.zipEntryNames(path) { return format(ofFiles: names) ?? "imscc" }
            } catch {
                return "imscc"
            }
        }
        let tree: SourceTree
        do { tree = try SourceTree.open(path) } catch {
            if let format = format(ofArchiveNamed: name) { return format }
            throw ImportError(kind: .content, message: error.message)
        }
        if let entry = tree.entryFile { return format(ofFileNamed: entry) }
        return format(ofFiles: tree.files)
    }

    /// The format marked by the shallowest marker file among these paths (at the top or one folder down).
    private static func format(ofFiles files: [String]) -> String? {
        let shallow = files.filter { $0.split(separator: "/").count <= 2 }
            .sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
        for file in shallow {
            if let format = format(ofFileNamed: (file as NSString).lastPathComponent) { return format }
        }
        return nil
    }

    private static func format(ofArchiveNamed name: String) -> String? {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".imscc") || lowered.hasSuffix(".zip") { return "imscc" }
        if lowered.hasSuffix(".tar.gz") || lowered.hasSuffix(".tgz") || lowered.hasSuffix(".tar") { return "olx" }
        return nil
    }

    private static func format(ofFileNamed name: String) -> String? {
        let lowered = name.lowercased()
        if lowered == "imsmanifest.xml" { return "imscc" }
        if lowered == "course.xml" { return "olx" }
        if lowered.hasSuffix(".ditamap") { return "dita" }
        return nil
    }
}
