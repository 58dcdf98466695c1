public import Foundation

/// Reads `Decodable` values from JSON bytes, for protocol messages: the model in every request and the results
/// plugins send back.
///
/// The text is first checked against the JSON grammar and indexed in one pass (``JSONTape``); values are then
/// read from the index, keys found by comparing bytes, strings decoded only when asked for. Errors are the
/// `DecodingError`s `JSONDecoder` throws, with the coding path of the offending value, so messages such as
/// "wrong type at result.diagnostics" read the same. Text that is not UTF-8 is refused.
public enum ProtocolJSONDecoder {
    /// Decodes a value of the given type from JSON text.
    public static func decode<T: Decodable>(_ type: T.Type, from data: some ContiguousBytes) throws -> T {
        try data.withUnsafeBytes { raw in
            let tape = try JSONTape(raw.bindMemory(to: UInt8.self))
            return try withExtendedLifetime(tape) { try T(from: JSONReading(tape: tape, index: 0)) }
        }
    }
}

/// The JSON text and an index of its values: each value is one entry, in document order; a container's entry
/// records where the entry after its last member is, so a reader can step over it.
///
/// Readers refer to the tape without counting references (it lives as long as the call to
/// ``ProtocolJSONDecoder/decode(_:from:)``, like the bytes it points into), and no reader allocates: a coding path
/// is worked out from an entry's position only when an error needs it.
final class JSONTape {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, `true`, `false`, null
    }

    struct Entry {
        var kind: Kind
        /// Strings: the bytes between the quotes. Numbers: the number's bytes. Containers: the entry after the
        /// container's last member (start) and the number of members (end).
        var start: Int32
        var end: Int32
        /// Objects: the member name to try first, the one after the member found last (members are usually
        /// read in the order they were written).
        var cursor: Int32 = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The index. Held through a pointer: a stored `var` of a class is checked for overlapping access at run
    /// time on every read, and readers read it for every value.
    private let storage = UnsafeMutablePointer<[Entry]>.allocate(capacity: 1)

    var entries: [Entry] {
        unsafeAddress { UnsafePointer(storage) }
        unsafeMutableAddress { storage }
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        self.bytes = bytes
        storage.initialize(to: [])
        guard bytes.count < Int(Int32.max) else { throw Self.corrupted("the text is too large", at: 0) }
        entries.reserveCapacity(bytes.count / 8)
        var position = Self.skipSpace(bytes, 0)
        position = try value(at: position, depth: 0)
        position = Self.skipSpace(bytes, position)
        guard position == bytes.count else { throw Self.corrupted("unexpected text after the value", at: position) }
    }

    static func corrupted(_ reason: String, at offset: Int) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: [], debugDescription: "The given data was not valid JSON: \(reason) (byte \(offset))."))
    }

    /// Past the white space at `start`: the scan the model cache uses too. Static, so that a call such as
    /// `skipSpace(bytes, try value(…))` holds no reference to the tape while `value` appends to it.
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        JSONMemberScan.skipSpace(bytes, start)
    }

    /// The deepest nesting accepted, as a guard against a stack overflow on hostile input.
    static let maxDepth = 512

    private func value(at start: Int, depth: Int) throws -> Int {
        guard start < bytes.count else { throw Self.corrupted("the text ends where a value should be", at: start) }
        guard depth < Self.maxDepth else { throw Self.corrupted("values nest too deeply", at: start) }
        switch bytes[start] {
        case UInt8(ascii: "{"): return try container(at: start, depth: depth, object: true)
        case UInt8(ascii: "["): return try container(at: start, depth: depth, object: false)
        case UInt8(ascii: "\""): return try string(at: start)
        case UInt8(ascii: "t"): return try literal("true", .true, at: start)
        case UInt8(ascii: "f"): return try literal("false", .false, at: start)
        case UInt8(ascii: "n"): return try literal("null", .null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(at: start)
        default: throw Self.corrupted("unexpected character", at: start)
        }
    }

    private func literal(_ word: StaticString, _ kind: Kind, at start: Int) throws -> Int {
        let count = word.utf8CodeUnitCount
        guard start + count <= bytes.count,
            memcmp(bytes.baseAddress! + start, word.utf8Start, count) == 0
        else { throw Self.corrupted("unexpected character", at: start) }
        entries.append(Entry(kind: kind, start: Int32(start), end: Int32(start + count)))
        return start + count
    }

    private func number(at start: Int) throws -> Int {
        // The buffer is copied out: a nested function that read `self` would hold a copy of the tape while the
        // append below runs.
        let bytes = self.bytes
        var position = start
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                position += 1
            }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let whole = position
        guard digits() > 0 else { throw Self.corrupted("a number without digits", at: start) }
        if bytes[whole] == UInt8(ascii: "0") && position - whole > 1 {
            throw Self.corrupted("a number with a leading zero", at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw Self.corrupted("a number without digits after the point", at: start) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw Self.corrupted("a number without digits in its exponent", at: start) }
        }
        entries.append(Entry(kind: .number, start: Int32(start), end: Int32(position)))
        return position
    }

    private func string(at start: Int) throws -> Int {
        var position = start + 1
        var escaped = false
        let count = bytes.count
        guard let base = bytes.baseAddress else { throw Self.corrupted("a string that does not end", at: start) }
        while position < count {
            position = JSONStringBytes.firstSpecial(in: base, from: position, count: count)
            guard position < count else { break }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                entries.append(
                    Entry(kind: escaped ? .escapedString : .string, start: Int32(start + 1), end: Int32(position)))
                return position + 1
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            guard byte >= 0x20 else { throw Self.corrupted("a control character in a string", at: position) }
            position += 1
        }
        throw Self.corrupted("a string that does not end", at: start)
    }

    private func container(at start: Int, depth: Int, object: Bool) throws -> Int {
        let entryIndex = entries.count
        entries.append(Entry(kind: object ? .object : .array, start: 0, end: 0, cursor: Int32(entryIndex + 1)))
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var position = Self.skipSpace(bytes, start + 1)
        var members: Int32 = 0
        if position < bytes.count, bytes[position] == close {
            position += 1
        } else {
            while true {
                if object {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw Self.corrupted("an object member without a quoted name", at: position)
                    }
                    position = Self.skipSpace(bytes, try string(at: position))
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                        throw Self.corrupted("a name without a colon after it", at: position)
                    }
                    position = Self.skipSpace(bytes, position + 1)
                }
                position = Self.skipSpace(bytes, try value(at: position, depth: depth + 1))
                members += 1
                guard position < bytes.count else {
                    throw Self.corrupted("the text ends inside a container", at: start)
                }
                if bytes[position] == UInt8(ascii: ",") {
                    position = Self.skipSpace(bytes, position + 1)
                    continue
                }
                guard bytes[position] == close else {
                    throw Self.corrupted("expected , or a closing bracket", at: position)
                }
                position += 1
                break
            }
        }
        let after = Int32(entries.count)
        entries[entryIndex].start = after
        entries[entryIndex].end = members
        return position
    }

    /// The coding path of the value at an entry: the member names and element indexes from the top down to it.
    func path(to target: Int) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = 0
        while current != target {
            let entry = entries[current]
            guard entry.kind == .object || entry.kind == .array, target < Int(entry.start) else { break }
            var member = current + 1
            var found = false
            for position in 0..<Int(entry.end) {
                let value = entry.kind == .object ? member + 1 : member
                let after = next(after: value)
                if target >= value && target < after {
                    if entry.kind == .object {
                        keys.append(JSONKey(stringValue: (try? string(member)).flatMap { $0 } ?? ""))
                    } else {
                        keys.append(JSONKey(intValue: position))
                    }
                    current = value
                    found = true
                    break
                }
                member = after
            }
            // A member name is not a value of its own: stop at the object.
            guard found else { break }
        }
        return keys
    }

    /// The value entry of the member called `name` in the object at `object`, found from the object's cursor.
    func member(_ name: String, in object: Int) -> Int? {
        let entry = entries[object]
        let count = Int(entry.end)
        guard count > 0 else { return nil }
        let after = Int(entry.start)
        var candidate = Int(entry.cursor)
        for _ in 0..<count {
            if candidate >= after { candidate = object + 1 }
            let value = candidate + 1
            let next = next(after: value)
            if string(candidate, equals: name) {
                entries[object].cursor = Int32(next)
                return value
            }
            candidate = next
        }
        return nil
    }

    /// The entry after the value at `index` and everything in it.
    func next(after index: Int) -> Int {
        switch entries[index].kind {
        case .object, .array: Int(entries[index].start)
        default: index + 1
        }
    }

    /// The text of a string entry.
    func string(_ index: Int) throws -> String? {
        let entry = entries[index]
        let slice = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        if entry.kind == .string { return Self.text(slice) }
        return unescaped(slice)
    }

    /// The text of UTF-8 bytes, or `nil` when they are not UTF-8. ASCII, nearly every string of a model, cannot
    /// be invalid and takes the quick path; `String(validating:)` costs several times more.
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        let count = utf8.count
        // Eight bytes at a time while they last.
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            while index + 8 <= count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return String(validating: utf8, as: UTF8.self)
                }
                index += 8
            }
        }
        while index < count {
            if utf8[index] >= 0x80 { return String(validating: utf8, as: UTF8.self) }
            index += 1
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Whether a string entry (a member name) is exactly `name`.
    func string(_ index: Int, equals name: String) -> Bool {
        let entry = entries[index]
        guard entry.kind == .string else { return (try? string(index)) == name }
        var name = name
        return name.withUTF8 { utf8 in
            utf8.count == Int(entry.end - entry.start)
                && (utf8.isEmpty || memcmp(bytes.baseAddress! + Int(entry.start), utf8.baseAddress!, utf8.count) == 0)
        }
    }

    private func unescaped(_ slice: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = 0
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= slice.count else { return nil }
            var value: UInt32 = 0
            for byte in slice[at..<at + 4] {
                value <<= 4
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value |= UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value |= UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): value |= UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            return value
        }
        while index < slice.count {
            // Copy the run up to the next backslash at once: a document sent as a string escapes every quote.
            let run = slice.baseAddress.flatMap { memchr($0 + index, Int32(UInt8(ascii: "\\")), slice.count - index) }
            let next = run.map { UnsafeRawPointer($0) - UnsafeRawPointer(slice.baseAddress!) } ?? slice.count
            if next > index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: slice[index..<next]))
                index = next
                continue
            }
            guard index + 1 < slice.count else { return nil }
            let code = slice[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(code)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex(index) else { return nil }
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 6 <= slice.count, slice[index] == UInt8(ascii: "\\"),
                        slice[index + 1] == UInt8(ascii: "u"), let low = hex(index + 2), low >= 0xDC00, low < 0xE000
                    else { return nil }
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                output += Array(String(Character(unicode)).utf8)
            default: return nil
            }
        }
        return output.withUnsafeBufferPointer { Self.text($0) }
    }
}

/// The `Decoder` one value is read through.
struct JSONReading: Decoder {
    unowned(unsafe) let tape: JSONTape
    let index: Int

    var codingPath: [any CodingKey] { tape.path(to: index) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.entries[index].kind == .object else {
            throw mismatch([String: Any].self, "a dictionary")
        }
        return KeyedDecodingContainer(JSONKeyedReading<Key>(reader: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.entries[index].kind == .array else { throw mismatch([Any].self, "an array") }
        return JSONUnkeyedReading(reader: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { JSONSingleReading(reader: self) }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        let found: String
        switch tape.entries[index].kind {
        case .object: found = "a dictionary"
        case .array: found = "an array"
        case .string, .escapedString: found = "a string"
        case .number: found = "a number"
        case .true, .false: found = "a bool"
        case .null: found = "null"
        }
        if tape.entries[index].kind == .null {
            return DecodingError.valueNotFound(
                type,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(expected) but found null."))
        }
        return DecodingError.typeMismatch(
            type,
            DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(expected) but found \(found)."))
    }

    func child(_ index: Int) -> JSONReading { JSONReading(tape: tape, index: index) }

    var isNull: Bool { tape.entries[index].kind == .null }

    func decodeString() throws -> String {
        let kind = tape.entries[index].kind
        guard kind == .string || kind == .escapedString else { throw mismatch(String.self, "a string") }
        guard let text = try tape.string(index) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: "The string is not valid UTF-8 text."))
        }
        return text
    }

    func decodeBool() throws -> Bool {
        switch tape.entries[index].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, "a bool")
        }
    }

    private var numberText: Substring? {
        let entry = tape.entries[index]
        guard entry.kind == .number else { return nil }
        return Substring(
            decoding: UnsafeBufferPointer(rebasing: tape.bytes[Int(entry.start)..<Int(entry.end)]), as: UTF8.self)
    }

    func decodeInteger<Number: FixedWidthInteger>(_ type: Number.Type) throws -> Number {
        guard let text = numberText else { throw mismatch(type, "a number") }
        if let value = Number(text) { return value }
        // 3.0 or 3e2 is a whole number too; 3.5, or a number out of range, is not.
        if let double = Double(text), double == double.rounded(), let value = Number(exactly: double) { return value }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: codingPath, debugDescription: "Number \(text) does not fit in \(type)."))
    }

    func decodeDouble() throws -> Double {
        guard let text = numberText else { throw mismatch(Double.self, "a number") }
        guard let value = Double(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: "Number \(text) is not a Double."))
        }
        return value
    }

    /// Reads a value: primitives directly, anything else through its `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The metatype tells which: a cast would ask the runtime for every value.
        if type == String.self { return unsafeBitCast(try decodeString(), to: T.self) }
        if type == Int.self { return unsafeBitCast(try decodeInteger(Int.self), to: T.self) }
        if type == Bool.self { return unsafeBitCast(try decodeBool(), to: T.self) }
        if type == Double.self { return unsafeBitCast(try decodeDouble(), to: T.self) }
        return try T(from: self)
    }
}

private struct JSONKeyedReading<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: JSONReading

    var codingPath: [any CodingKey] { reader.codingPath }

    var allKeys: [Key] {
        let tape = reader.tape
        var keys: [Key] = []
        var member = reader.index + 1
        for _ in 0..<Int(tape.entries[reader.index].end) {
            if let name = (try? tape.string(member)).flatMap({ $0 }), let key = Key(stringValue: name) {
                keys.append(key)
            }
            member = tape.next(after: member + 1)
        }
        return keys
    }

    private func find(_ key: Key) -> Int? { reader.tape.member(key.stringValue, in: reader.index) }

    private func value(_ key: Key) throws -> JSONReading {
        guard let index = find(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return reader.child(index)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decodeString() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decodeBool() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decodeInteger(Int.self) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).decodeDouble() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let reader = present(key) else { return nil }
        return try reader.decodeString()
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let reader = present(key) else { return nil }
        return try reader.decodeBool()
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let reader = present(key) else { return nil }
        return try reader.decodeInteger(Int.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let reader = present(key) else { return nil }
        return try reader.decode(type)
    }

    /// The value of a key that is there and not `null`.
    private func present(_ key: Key) -> JSONReading? {
        guard let index = find(key), reader.tape.entries[index].kind != .null else { return nil }
        return reader.child(index)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try value(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { reader }

    func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

private struct JSONUnkeyedReading: UnkeyedDecodingContainer {
    let reader: JSONReading
    private(set) var currentIndex = 0
    private var entry: Int
    let total: Int

    init(reader: JSONReading) {
        self.reader = reader
        entry = reader.index + 1
        total = Int(reader.tape.entries[reader.index].end)
    }

    var codingPath: [any CodingKey] { reader.codingPath }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    private mutating func next(_ type: Any.Type) throws -> JSONReading {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [JSONKey(intValue: currentIndex)],
                    debugDescription: "Unkeyed container is at end."))
        }
        let element = reader.child(entry)
        entry = reader.tape.next(after: entry)
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, reader.tape.entries[entry].kind == .null else { return false }
        _ = try next(Never.self)
        return true
    }

    mutating func decode(_ type: String.Type) throws -> String { try next(type).decodeString() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next(type).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

private struct JSONSingleReading: SingleValueDecodingContainer {
    let reader: JSONReading
    var codingPath: [any CodingKey] { reader.codingPath }

    func decodeNil() -> Bool { reader.isNull }
    func decode(_ type: String.Type) throws -> String { try reader.decodeString() }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.decodeBool() }
    func decode(_ type: Int.Type) throws -> Int { try reader.decodeInteger(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.decodeInteger(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.decodeInteger(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.decodeInteger(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.decodeInteger(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.decodeInteger(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.decodeInteger(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.decodeInteger(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.decodeInteger(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.decodeInteger(UInt64.self) }
    func decode(_ type: Double.Type) throws -> Double { try reader.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.decodeDouble()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type) }
}
