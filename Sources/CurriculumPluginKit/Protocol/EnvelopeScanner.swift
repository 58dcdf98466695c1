public import Foundation

extension RPCEnvelope {
    /// Reads the routing fields of a message (`jsonrpc`, `id`, `method`, `error`, and whether `result` or
    /// `params` are present) without parsing the params or result, which can be tens of megabytes.
    ///
    /// Returns `nil` when the bytes are not a JSON object. The params or result are parsed once, later, by the
    /// code that knows their type; malformed JSON inside them is found then.
    /// - Complexity: O(n) over the bytes, with no allocation for the skipped values.
    public static func scan(_ data: Data) -> RPCEnvelope? {
        data.withUnsafeBytes { bytes -> RPCEnvelope? in
            var scanner = TopLevelMembers(bytes)
            guard let members = scanner.parse() else { return nil }
            var envelope = RPCEnvelope(hasResult: false, hasParams: false)
            let decoder = JSONDecoder()
            for (key, range) in members {
                let slice = Data(bytes[range])
                switch key {
                case "jsonrpc": envelope.jsonrpc = try? decoder.decode(String.self, from: slice)
                case "id":
                    guard let id = try? decoder.decode(RPCID.self, from: slice) else { return nil }
                    envelope.id = id
                case "method": envelope.method = try? decoder.decode(String.self, from: slice)
                case "error": envelope.error = try? decoder.decode(RPCError.self, from: slice)
                case "result": envelope.hasResult = true
                case "params": envelope.hasParams = true
                default: continue
                }
            }
            return envelope
        }
    }
}

/// Splits a JSON object into its top-level keys and the byte ranges of their values.
private struct TopLevelMembers {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func parse() -> [(String, Range<Int>)]? {
        skipSpace()
        guard peek() == UInt8(ascii: "{") else { return nil }
        index += 1
        var members: [(String, Range<Int>)] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return trailingSpaceOnly() ? members : nil
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\""), let keyRange = skipString(),
                let key = try? JSONDecoder().decode(String.self, from: Data(bytes[keyRange]))
            else { return nil }
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            let start = index
            guard skipValue() else { return nil }
            members.append((key, start..<index))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return trailingSpaceOnly() ? members : nil
            default: return nil
            }
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func trailingSpaceOnly() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    /// Skips a string starting at its opening quote; returns its range including the quotes.
    ///
    /// Jumps from quote to quote with `memchr` (strings hold nearly all the bytes of a large message) and counts
    /// the backslashes before each quote: an odd number means the quote is escaped.
    private mutating func skipString() -> Range<Int>? {
        let start = index
        guard let base = bytes.baseAddress else { return nil }
        var cursor = index + 1
        while cursor < bytes.count {
            guard let found = memchr(base + cursor, Int32(UInt8(ascii: "\"")), bytes.count - cursor) else { return nil }
            let quote = UnsafeRawPointer(found) - base
            var backslashes = 0
            while quote - backslashes - 1 > start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            cursor = quote + 1
            if backslashes % 2 == 0 {
                index = cursor
                return start..<index
            }
        }
        return nil
    }

    /// Skips one value: a string, an object or array (balancing brackets outside strings), or a scalar.
    private mutating func skipValue() -> Bool {
        guard let first = peek() else { return false }
        switch first {
        case UInt8(ascii: "\""): return skipString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while let byte = peek(), byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != 0x20, byte != 0x09,
                byte != 0x0A, byte != 0x0D
            {
                index += 1
            }
            return index > start
        }
    }
}
