import CurriculumImportKit
import Foundation

/// Tells which import format a source is in, for `--from auto`, by the files that mark each format at the top of
/// the source or one folder down: `imsmanifest.xml` (IMS Common Cartridge and SCORM), `course.xml` (Open edX
/// OLX), a `.ditamap` (DITA). An archive too damaged or unsafe to look inside goes by its extension.
public enum SourceFormat {
    /// The formats `--from` accepts besides `auto`.
    public static let known = ["olx", "dita", "imscc"]

    /// The format a source looks like, or `nil` when nothing marks it.
    ///
    /// - Throws: ``ImportError`` with kind `.content` when the source cannot be opened (a damaged or unsafe
    ///   archive), `.usage` when it does not exist.
    public static func detect(_ path: String) throws(ImportError) -> String? {
        let tree: SourceTree
        do { tree = try SourceTree.open(path) } catch {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ImportError(kind: .usage, message: error.message)
            }
            // An archive that cannot be opened goes to the importer its name suggests, which reports why with
            // its code and location.
            if let format = format(ofArchiveNamed: (path as NSString).lastPathComponent) { return format }
            throw ImportError(kind: .content, message: error.message)
        }
        if let entry = tree.entryFile { return format(ofFileNamed: entry) }
        let shallow = tree.files.filter { $0.split(separator: "/").count <= 2 }
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
