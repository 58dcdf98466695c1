import Foundation

/// Why a file could not be read at all. Content problems are ``XMLProblem``s; this is for the file itself.
public struct XMLFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        case notFound
        case isDirectory
        case unreadable
        /// A FIFO, device or socket: reading one could block for ever or never end.
        case notRegularFile(FileKind)
    }

    /// The kind of failure.
    public var code: Code
    /// The path as given.
    public var path: String

    public var description: String {
        switch code {
        case .notFound: "\(path): no such file"
        case .isDirectory: "\(path): is a directory, expected a file"
        case .unreadable: "\(path): cannot be read"
        case .notRegularFile(let kind): "\(path): is \(kind), not a regular file"
        }
    }
}

/// Reads a whole file after checking its size, so an oversized file is never loaded into memory.
///
/// It uses `open`/`fstat`/`read` directly: one system call each, and a buffer the size of the file rather than
/// the size of the limit.
struct XMLFileReader {
    let maxBytes: Int

    /// Returns the bytes, or `nil` when the file is larger than the limit.
    ///
    /// Anything but a regular file is refused before it is opened: opening a FIFO waits for a writer for ever,
    /// and a device may never end. The file is opened without blocking and checked again once open, in case
    /// it was swapped in between.
    func read(_ path: String) throws(XMLFileError) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw XMLFileError(code: errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable, path: path)
        }
        try Self.requireRegularFile(status, path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            throw XMLFileError(code: errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable, path: path)
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw XMLFileError(code: .unreadable, path: path) }
        try Self.requireRegularFile(status, path)
        let expected = Int(status.st_size)
        if expected > maxBytes { return nil }
        // The file may change while it is read: read until end of file, but never past the limit.
        var bytes = [UInt8](repeating: 0, count: min(expected, maxBytes) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= maxBytes else { return nil }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maxBytes + 1 - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw XMLFileError(code: errno == EISDIR ? .isDirectory : .unreadable, path: path)
            }
            if got == 0 { break }
            count += got
        }
        if count > maxBytes { return nil }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    private static func requireRegularFile(_ status: stat, _ path: String) throws(XMLFileError) {
        switch FileKind(mode: status.st_mode) {
        case .regularFile: return
        case .folder: throw XMLFileError(code: .isDirectory, path: path)
        case let kind: throw XMLFileError(code: .notRegularFile(kind), path: path)
        }
    }
}
