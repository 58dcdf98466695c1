import CurriculumImportKit
import Foundation

/// Tells which import format a source is in, for `--from auto`, by the files that mark each format at the top of
/// the source or one folder down: `imsmanifest.xml` (IMS Common Cartridge and SCORM), `course.xml` (Open edX
/// OLX), a `.ditamap` (DITA).
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
            let exists = FileManager.default.fileExists(atPath: path)
            throw ImportError(kind: exists ? .content : .usage, message: error.message)
        }
        if let entry = tree.entryFile { return format(ofFileNamed: entry) }
        let shallow = tree.files.filter { $0.split(separator: "/").count <= 2 }
            .sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
        for file in shallow {
            if let format = format(ofFileNamed: (file as NSString).lastPathComponent) { return format }
        }
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
