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
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
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
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
            fill()
        }
    }

    private mutating func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || errno != EINTR {
            isAtEnd = true
        }
    }

    private mutating func compact() {
        if start > 1 << 20 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
