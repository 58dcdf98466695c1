import CurriculumPluginKit
import Foundation

/// Splits a plugin's output into lines, each handed on as a slice of the pending bytes, which shares their
/// storage: a message of tens of megabytes is not copied on its way to the decoder.
struct LineSplitter {
    let limits: PluginLimits
    private var pending = Data()
    /// Bytes of `pending` already known to hold no newline.
    private var scanned = 0
    var isDiscarding = false

    init(limits: PluginLimits) {
        self.limits = limits
    }

    var pendingCount: Int { pending.count }

    mutating func append(_ bytes: UnsafeRawBufferPointer, emit: (PluginOutput) -> Void) {
        pending.append(bytes.assumingMemoryBound(to: UInt8.self))
        var start = 0
        var searchFrom = scanned
        while let newline = PluginProcess.indexOfNewline(in: pending, from: searchFrom) {
            if let line = Self.output(pending, start..<newline) { emit(line) }
            start = newline + 1
            searchFrom = start
        }
        if start > 0 { pending = start < pending.count ? Data(pending[start...]) : Data() }
        scanned = pending.count
    }

    /// The last line, when the output ended without a newline.
    mutating func flush(emit: (PluginOutput) -> Void) {
        if !isDiscarding && !pending.isEmpty, let line = Self.output(pending, 0..<pending.count) { emit(line) }
        pending = Data()
        scanned = 0
    }

    private static func output(_ pending: Data, _ range: Range<Int>) -> PluginOutput? {
        var end = range.upperBound
        if end > range.lowerBound, pending[end - 1] == 0x0D { end -= 1 }
        let line = pending[range.lowerBound..<end]
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        if let envelope = RPCEnvelope.scan(line) { return .message(envelope, line) }
        return .malformed(preview: Preview.of(line))
    }
}
