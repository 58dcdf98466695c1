public import Foundation

/// The name of an entry that `readdir` returned, read where it lies.
///
/// A directory record is only as long as its name needs, while `dirent` declares a 256-byte name: copying that
/// field reads past the record, and past the end of the buffer the folder was read into when the record is the
/// last one — a crash when the buffer ends a page. The name is read up to its terminating zero instead.
public enum DirectoryEntryName {
    private static let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The name's bytes, as the file system holds them (they need not be UTF-8).
    public static func bytes(of entry: UnsafePointer<dirent>) -> [UInt8] {
        let name = (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: UInt8.self)
        return Array(
            UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
    }

    /// The name as a string; bytes that are not UTF-8 are replaced.
    public static func string(of entry: UnsafePointer<dirent>) -> String {
        String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}
