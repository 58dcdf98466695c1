internal import CZlib
import Foundation

/// Expands deflate and gzip streams with zlib, stopping as soon as the output would pass a bound, so a
/// decompression bomb costs at most the bound in memory.
enum Inflater {
    enum Framing {
        /// A bare deflate stream, as inside a zip entry.
        case raw
        /// A gzip file (`.tar.gz`).
        case gzip

        var windowBits: Int32 { self == .raw ? -15 : 15 + 16 }
    }

    enum Outcome: Equatable {
        case expanded([UInt8])
        /// The output passed the bound.
        case tooLarge
        /// The output grew more than the ratio allows relative to the input: a decompression bomb.
        case tooCompressed
        /// The stream is damaged or ends early.
        case damaged(String)
    }

    /// Expands `input`, refusing to produce more than `limit` bytes, or more than `ratio` times the input once the
    /// output passes `ratioFloor` bytes.
    static func expand(
        _ input: UnsafeRawBufferPointer, framing: Framing, limit: Int, expectedSize: Int? = nil,
        ratio: (limit: Int, floor: Int)? = nil
    ) -> Outcome {
        var stream = z_stream()
        guard ck_inflate_init(&stream, framing.windowBits) == Z_OK else { return .damaged("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, expectedSize ?? 64 * 1024) + 1)
        let chunkSize = 256 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else {
            return .damaged("the stream is empty")
        }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(input.count)
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(chunkSize)
                return inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunkSize - Int(stream.avail_out)
            if output.count + produced > limit { return .tooLarge }
            output.append(contentsOf: chunk[0..<produced])
            if let ratio, output.count > ratio.floor, output.count > input.count * ratio.limit { return .tooCompressed }
            switch status {
            case Z_STREAM_END:
                return .expanded(output)
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                return .damaged("the compressed data ends early")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return .damaged(reason)
            }
        }
    }
}
