import Foundation

/// Reads newline-delimited lines from a file descriptor with blocking reads: the plugin side of the transport.
///
/// Accepts `\r\n`, skips nothing (callers skip blank lines), returns a final line without a newline at end of
/// input, and refuses lines longer than a limit instead of buffering them.
public struct LineReader {
    /// One read result.
    public enum Line: Equatable {
        case line([UInt8])
        case tooLong
        case end
    }

    private let descriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes from `start` already searched for a newline: a message of many reads is searched once, not once
    /// per read.
    private var scanned = 0
    /// Where each read lands before it joins the buffer.
    private var scratch = [UInt8](repeating: 0, count: 1 << 18)
    private var isAtEnd = false
    private var skippingLongLine = false

    /// Creates a reader.
    public init(descriptor: Int32, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    /// The next line, without its terminator.
    public mutating func next() -> Line {
        while true {
            if let newline = newlineIndex() {
                let isTooLong = newline - start > maxLineBytes
                var line = isTooLong ? [] : Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if skippingLongLine {
                    skippingLongLine = false
                    continue
                }
                if isTooLong { return .tooLong }
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
            if buffer.count - start > maxLineBytes {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
                if !skippingLongLine {
                    skippingLongLine = true
                    return .tooLong
                }
            }
            if isAtEnd {
                guard start < buffer.count, !skippingLongLine else { return .end }
                var line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                scanned = 0
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
            fill()
        }
    }

    /// The index of the next newline at or after `start`, searching only bytes not searched before.
    private mutating func newlineIndex() -> Int? {
        let from = max(start, scanned)
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard from < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + from, 0x0A, bytes.count - from)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        scanned = found.map { $0 + 1 } ?? buffer.count
        return found
    }

    /// Reads what the descriptor has (up to 256 KB) onto the end of the buffer.
    private mutating func fill() {
        let count = scratch.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: scratch[..<count])
        } else if count == 0 || errno != EINTR {
            isAtEnd = true
        }
    }

    private mutating func compact() {
        if start > 1 << 20 || start == buffer.count {
            buffer.removeFirst(start)
            scanned = max(0, scanned - start)
            start = 0
        }
    }
}
