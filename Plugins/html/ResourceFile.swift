import Foundation

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

    /// Looks at the file a path names, following symbolic links (the core checks they stay inside the root).
    init(path: String, limit: Int) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            self = .notAFile
            return
        }
        let size = Int(status.st_size)
        self = size > limit ? .tooLarge(size) : .copyable
    }
}
