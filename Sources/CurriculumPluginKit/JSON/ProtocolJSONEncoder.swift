public import Foundation

/// Writes `Encodable` values as JSON bytes in one pass, for protocol messages: the model in every request and the
/// results plugins send back, which can be tens of megabytes.
///
/// Foundation's `JSONEncoder` first builds a tree of every value and then writes it; this writes each value as
/// `encode(to:)` hands it over, and puts an object's members in key order when the object closes. The bytes are
/// those of `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`: keys sorted, slashes not escaped,
/// control characters, `"` and `\` escaped, whole numbers without a fraction. A number that is not finite is an
/// error, as in `JSONEncoder`.
public enum ProtocolJSONEncoder {
    /// The JSON text of a value.
    ///
    /// - Parameter sortingKeys: Whether each object's members are put in key order. Without it they come in the
    ///   order the types encode them, which is just as fixed for a given value; a reader that looks members up by
    ///   name sees no difference, and a large model is written a sixth faster.
    public static func encode(_ value: some Encodable, sortingKeys: Bool = true) throws -> Data {
        let writer = JSONByteWriter(sortsKeys: sortingKeys)
        try writer.write(value)
        return Data(writer.bytes)
    }
}

/// The bytes written so far and the containers still open, innermost last.
final class JSONByteWriter {
    /// The output. Held through a pointer: a stored `var` of a class is checked for overlapping access at run
    /// time on every append, which cost a tenth of the writing.
    private let output = UnsafeMutablePointer<[UInt8]>.allocate(capacity: 1)

    var bytes: [UInt8] {
        unsafeAddress { UnsafePointer(output) }
        unsafeMutableAddress { output }
    }
    /// Open containers: each closes (writes `}` or `]`) when a container below it is written to, or when the value
    /// that opened it is done.
    private var open: [JSONFrame] {
        unsafeAddress { UnsafePointer(state).pointer(to: \.open)! }
        unsafeMutableAddress { state.pointer(to: \.open)! }
    }
    /// The members of the open objects, innermost last: each member's key and where it starts in `bytes`.
    private var members: [(key: String, start: Int)] {
        unsafeAddress { UnsafePointer(state).pointer(to: \.members)! }
        unsafeMutableAddress { state.pointer(to: \.members)! }
    }
    /// Where an object's members are put in order.
    private var scratch: [UInt8] {
        unsafeAddress { UnsafePointer(state).pointer(to: \.scratch)! }
        unsafeMutableAddress { state.pointer(to: \.scratch)! }
    }
    /// How each type met so far is written, by its metatype: asking the runtime whether a type is a dictionary
    /// or an integer costs more than writing most values.
    private var kinds: [ObjectIdentifier: ValueKind] {
        unsafeAddress { UnsafePointer(state).pointer(to: \.kinds)! }
        unsafeMutableAddress { state.pointer(to: \.kinds)! }
    }

    private struct State {
        var open: [JSONFrame] = []
        var members: [(key: String, start: Int)] = []
        var scratch: [UInt8] = []
        var kinds: [ObjectIdentifier: ValueKind] = [:]
    }

    private enum ValueKind {
        case dictionary, integer, float, other
    }

    /// The writer's lists, held through a pointer like ``bytes``.
    private let state = UnsafeMutablePointer<State>.allocate(capacity: 1)

    /// Whether objects' members are put in key order when they close.
    let sortsKeys: Bool

    init(sortsKeys: Bool = true) {
        self.sortsKeys = sortsKeys
        output.initialize(to: [])
        output.pointee.reserveCapacity(1 << 16)
        state.initialize(to: State())
    }

    deinit {
        output.deinitialize(count: 1)
        output.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private func kind<T>(of type: T.Type) -> ValueKind {
        if let known = kinds[ObjectIdentifier(type)] { return known }
        let kind: ValueKind =
            if type is any StringKeyedEncodable.Type {
                .dictionary
            } else if type is any FixedWidthInteger.Type {
                .integer
            } else if type == Float.self {
                .float
            } else {
                .other
            }
        kinds[ObjectIdentifier(type)] = kind
        return kind
    }

    /// Writes one value: primitives directly, anything else through its `encode(to:)`.
    func write<T: Encodable>(_ value: T) throws {
        // Metatypes are compared first: a cast asks the runtime, and most values are structs of the model.
        if T.self == String.self { return writeString(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return writeInteger(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self {
            return bytes += unsafeBitCast(value, to: Bool.self) ? Self.trueBytes : Self.falseBytes
        }
        if T.self == Double.self { return try writeDouble(unsafeBitCast(value, to: Double.self)) }
        switch kind(of: T.self) {
        case .dictionary: try (value as! any StringKeyedEncodable).writeSorted(into: self)
        case .integer:
            let number = value as! any FixedWidthInteger
            writeInteger(number)
        case .float:
            let number = value as! Float
            guard number.isFinite else { return try writeDouble(Double(number)) }
            bytes += Array("\(number)".utf8)
        case .other:
            let frame = JSONFrame(writer: self)
            try value.encode(to: frame)
            finish(frame)
        }
    }

    /// Closes what `frame` opened (and anything opened inside it); a value that wrote nothing is `{}`.
    func finish(_ frame: JSONFrame) {
        switch frame.state {
        case .empty: bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        case .single: break
        case .keyed, .unkeyed:
            closeAbove(frame)
            close(open.removeLast())
        }
    }

    /// Opens a container for `frame` (which has written nothing yet).
    func begin(_ frame: JSONFrame, keyed: Bool) {
        bytes.append(keyed ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frame.state = keyed ? .keyed(first: true) : .unkeyed(first: true)
        frame.memberBase = members.count
        frame.contentStart = bytes.count
        open.append(frame)
    }

    /// Notes where a member of the innermost open object starts (after its comma).
    func noteMember(_ key: String) {
        if sortsKeys { members.append((key, bytes.count)) }
    }

    /// Closes the containers opened after `frame`, before `frame` writes again.
    func closeAbove(_ frame: JSONFrame) {
        while let last = open.last, last !== frame { close(open.removeLast()) }
    }

    private func close(_ frame: JSONFrame) {
        switch frame.state {
        case .keyed:
            if sortsKeys { sortMembers(of: frame) }
            bytes.append(UInt8(ascii: "}"))
        case .unkeyed: bytes.append(UInt8(ascii: "]"))
        case .empty, .single: break
        }
        frame.state = .single
    }

    /// Puts the members of an object that is about to close in key order, as `.sortedKeys` writes them.
    private func sortMembers(of frame: JSONFrame) {
        defer { members.removeSubrange(frame.memberBase...) }
        let count = members.count - frame.memberBase
        guard count > 1 else { return }
        var sorted = true
        for index in frame.memberBase + 1..<members.count where members[index - 1].key > members[index].key {
            sorted = false
            break
        }
        guard !sorted else { return }
        let end = bytes.count
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[frame.contentStart..<end])
        bytes.removeSubrange(frame.contentStart..<end)
        let order = (frame.memberBase..<members.count).sorted { members[$0].key < members[$1].key }
        for (position, index) in order.enumerated() {
            // A member runs from its key to the comma before the next member (or to the end).
            let start = members[index].start - frame.contentStart
            let stop =
                index + 1 < members.count ? members[index + 1].start - 1 - frame.contentStart : end - frame.contentStart
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: scratch[start..<stop])
        }
    }

    static let trueBytes = Array("true".utf8)
    static let falseBytes = Array("false".utf8)
    static let nullBytes = Array("null".utf8)

    func writeNull() { bytes += Self.nullBytes }

    func writeInteger<Number: FixedWidthInteger>(_ number: Number) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
        } else {
            bytes += Array(String(number).utf8)
        }
    }

    func writeDouble(_ number: Double) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: [], debugDescription: "\(number) is not a number JSON can hold"))
        }
        // Whole numbers as integers (3, not 3.0), as JSONEncoder writes them.
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            writeInteger(Int64(number))
        } else {
            bytes += Array("\(number)".utf8)
        }
    }

    /// A JSON string: `"`, `\` and control characters escaped, everything else as its UTF-8 bytes.
    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            var start = 0
            while true {
                let index = JSONStringBytes.firstSpecial(in: base, from: start, count: utf8.count)
                guard index < utf8.count else { break }
                let byte = utf8[index]
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A key that is a string or an array index, for coding paths and dictionaries.
struct JSONKey: CodingKey, Sendable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(_ key: some CodingKey) {
        stringValue = key.stringValue
        intValue = key.intValue
    }
}

/// The `Encoder` one value is written through.
final class JSONFrame: Encoder {
    enum State {
        case empty
        case single
        case keyed(first: Bool)
        case unkeyed(first: Bool)
    }

    let writer: JSONByteWriter
    var state = State.empty
    /// Keyed containers: where this object's members begin in the writer's list, and its content in its bytes.
    var memberBase = 0
    var contentStart = 0

    init(writer: JSONByteWriter) {
        self.writer = writer
    }

    /// Not tracked: writing fails only on a number that is not finite, and the message names the number.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = state { writer.begin(self, keyed: true) }
        return KeyedEncodingContainer(JSONKeyedWriting<Key>(frame: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = state { writer.begin(self, keyed: false) }
        return JSONUnkeyedWriting(frame: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleWriting(frame: self) }

    /// Writes the separator and key before a member of this keyed container.
    func member(_ key: some CodingKey) {
        writer.closeAbove(self)
        if case .keyed(let first) = state {
            if !first { writer.bytes.append(UInt8(ascii: ",")) }
            state = .keyed(first: false)
        }
        writer.noteMember(key.stringValue)
        writer.writeString(key.stringValue)
        writer.bytes.append(UInt8(ascii: ":"))
    }

    /// Writes the separator before an element of this unkeyed container; returns the element's index.
    func element() -> Int {
        writer.closeAbove(self)
        if case .unkeyed(let first) = state {
            if !first { writer.bytes.append(UInt8(ascii: ",")) }
            state = .unkeyed(first: false)
        }
        count += 1
        return count - 1
    }

    /// Elements written to this unkeyed container.
    var count = 0

    /// A frame for a container nested in this one, opened now.
    func nested(keyed: Bool) -> JSONFrame {
        let frame = JSONFrame(writer: writer)
        writer.begin(frame, keyed: keyed)
        return frame
    }
}

private struct JSONKeyedWriting<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let frame: JSONFrame
    var codingPath: [any CodingKey] { frame.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        frame.member(key)
        frame.writer.writeNull()
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        frame.member(key)
        frame.writer.writeString(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        frame.member(key)
        frame.writer.bytes += value ? JSONByteWriter.trueBytes : JSONByteWriter.falseBytes
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        frame.member(key)
        frame.writer.writeInteger(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        frame.member(key)
        try frame.writer.writeDouble(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        frame.member(key)
        try frame.writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        frame.member(key)
        return KeyedEncodingContainer(JSONKeyedWriting<NestedKey>(frame: frame.nested(keyed: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        frame.member(key)
        return JSONUnkeyedWriting(frame: frame.nested(keyed: false))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        frame.member(key)
        return JSONDeferredFrame(writer: frame.writer)
    }
}

private struct JSONUnkeyedWriting: UnkeyedEncodingContainer {
    let frame: JSONFrame
    var codingPath: [any CodingKey] { frame.codingPath }
    var count: Int { frame.count }

    mutating func encodeNil() throws {
        _ = frame.element()
        frame.writer.writeNull()
    }

    mutating func encode(_ value: String) throws {
        _ = frame.element()
        frame.writer.writeString(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        _ = frame.element()
        try frame.writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        _ = frame.element()
        return KeyedEncodingContainer(JSONKeyedWriting<NestedKey>(frame: frame.nested(keyed: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = frame.element()
        return JSONUnkeyedWriting(frame: frame.nested(keyed: false))
    }

    mutating func superEncoder() -> any Encoder {
        _ = frame.element()
        return JSONDeferredFrame(writer: frame.writer)
    }
}

private struct JSONSingleWriting: SingleValueEncodingContainer {
    let frame: JSONFrame
    var codingPath: [any CodingKey] { frame.codingPath }

    mutating func encodeNil() throws {
        frame.state = .single
        frame.writer.writeNull()
    }

    mutating func encode(_ value: String) throws {
        frame.state = .single
        frame.writer.writeString(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        frame.state = .single
        try frame.writer.write(value)
    }
}

/// The encoder `superEncoder()` returns: its value is written in place when it is first used, and closed by the
/// container it belongs to.
private final class JSONDeferredFrame: Encoder {
    let frame: JSONFrame
    init(writer: JSONByteWriter) {
        frame = JSONFrame(writer: writer)
        // A super encoder that is never used still needs a value where its key was written.
        writer.begin(frame, keyed: true)
    }
    var codingPath: [any CodingKey] { frame.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        frame.container(keyedBy: type)
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a super encoder holds an object")
    }
    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a super encoder holds an object")
    }
}

/// A dictionary with string keys, written with its keys sorted so that its bytes do not depend on hashing.
protocol StringKeyedEncodable {
    func writeSorted(into writer: JSONByteWriter) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    func writeSorted(into writer: JSONByteWriter) throws {
        writer.bytes.append(UInt8(ascii: "{"))
        for (index, key) in keys.sorted().enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.writeString(key)
            writer.bytes.append(UInt8(ascii: ":"))
            try writer.write(self[key]!)
        }
        writer.bytes.append(UInt8(ascii: "}"))
    }
}
