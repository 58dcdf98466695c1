import CurriculumModel
import Foundation

/// Reads resource files from under the curriculum root without ever leaving it: symbolic links are resolved and the
/// result must still be inside the root, and only regular files are read (a FIFO or a device would block or never end).
struct LocalFiles {
    /// Why a file could not be packed.
    enum Problem: Error, Equatable {
        case outsideRoot
        case missing
        case notAFile
        case unreadable(String)
        case tooLarge(size: Int, budget: Int)
    }

    private let rootURL: URL

    init(root: String) {
        rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The bytes of a file given relative to the root (already normalised), if it is no larger than `budget`.
    func read(_ relativePath: String, budget: Int) -> Result<[UInt8], Problem> {
        guard !relativePath.isEmpty, PathArithmetic.staysInside(relativePath) else { return .failure(.outsideRoot) }
        let url = rootURL.appendingPathComponent(relativePath).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        guard url.path.hasPrefix(rootPath) else { return .failure(.outsideRoot) }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            return .failure(.missing)
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else { return .failure(.notAFile) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? (attributes[.size] as? Int) ?? 0
        guard size <= budget else { return .failure(.tooLarge(size: size, budget: budget)) }
        do {
            let data = try Data(contentsOf: url)
            guard data.count <= budget else { return .failure(.tooLarge(size: data.count, budget: budget)) }
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
    }
}
