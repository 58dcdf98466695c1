import Foundation

/// Why a file could not be read at all. Content problems are ``XMLProblem``s; this is for the file itself.
public struct XMLFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        case notFound
        case isDirectory
        case unreadable
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
        }
    }
}

/// Reads a whole file after checking its size, so an oversized file is never loaded into memory.
struct XMLFileReader {
    let maxBytes: Int

    /// Returns the bytes, or `nil` when the file is larger than the limit.
    func read(_ path: String) throws(XMLFileError) -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw XMLFileError(code: .notFound, path: path)
        }
        if isDirectory.boolValue { throw XMLFileError(code: .isDirectory, path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw XMLFileError(code: .unreadable, path: path) }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            return data.count > maxBytes ? nil : data
        } catch {
            throw XMLFileError(code: .unreadable, path: path)
        }
    }
}
