import CurriculumExportKit

/// What a file the exporter was pointed at is, found without reading it: only a regular file within the size limit
/// is read or handed to the core to copy (a FIFO would block the read for ever, and a huge file would be held in
/// memory).
enum ResourceFile: Equatable {
    case copyable
    case missing
    /// A folder, FIFO, device or socket.
    case notAFile
    /// A regular file larger than the limit; its size in bytes.
    case tooLarge(Int)

    /// Looks at the file a path names the export kit's way (``ResourceFiles``), following symbolic links (the core
    /// checks they stay inside the root).
    init(path: String, limit: Int) {
        switch ResourceFiles.problem(at: path, limit: limit) {
        case nil: self = .copyable
        case .tooLarge(let size, _)?: self = .tooLarge(size)
        case .missing?, .outsideRoot?, .unreadable?: self = .missing
        case .notAFile?: self = .notAFile
        }
    }
}
