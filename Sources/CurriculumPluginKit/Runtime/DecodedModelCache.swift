import CurriculumModel
import Foundation

/// The last curriculum an exporter decoded, kept with the JSON it came from, so a process serving several
/// `export` requests (protocol 1.2) decodes the model once when the core sends the same model again — as `pack`
/// does for every session of a run, and the preview for every save that leaves the model as it was.
///
/// The check is a byte comparison of the request's `params.curriculum` member with the bytes kept: identical
/// bytes decode to an identical model, so the output cannot differ. Nothing in the protocol changes.
struct DecodedModelCache {
    private var modelJSON: [UInt8] = []
    private var model: Curriculum?
    /// How many requests reused the kept model (for tests).
    private(set) var reuses = 0

    /// The params of an `export` request line, with the curriculum reused when its bytes are the kept ones.
    ///
    /// A line that does not decode this way is decoded whole, so a bad request gets the same error as ever.
    mutating func exportParams(from line: [UInt8]) throws -> ExportParams {
        do {
            return try reusingModel(from: line)
        } catch {
            return try ProtocolJSONDecoder.decode(ParamsOf<ExportParams>.self, from: line).params
        }
    }

    private mutating func reusingModel(from line: [UInt8]) throws -> ExportParams {
        guard let range = line.withUnsafeBufferPointer({ JSONMemberScan.curriculumRange(in: $0, known: modelJSON) })
        else {
            return try ProtocolJSONDecoder.decode(ParamsOf<ExportParams>.self, from: line).params
        }
        let isKept =
            model != nil && range.count == modelJSON.count
            && line.withUnsafeBytes { bytes in
                modelJSON.withUnsafeBytes { kept in
                    memcmp(bytes.baseAddress! + range.lowerBound, kept.baseAddress!, kept.count) == 0
                }
            }
        // The rest of the params, with the model left out (a `null` in its place).
        var rest = Data(line[..<range.lowerBound])
        rest.append(contentsOf: Array("null".utf8))
        rest.append(contentsOf: line[range.upperBound...])
        let others = try ProtocolJSONDecoder.decode(ParamsOf<ExportParamsWithoutModel>.self, from: rest).params
        let curriculum: Curriculum
        if isKept, let model {
            curriculum = model
            reuses += 1
        } else {
            curriculum = try line[range].withUnsafeBytes { try ProtocolJSONDecoder.decode(Curriculum.self, from: $0) }
            model = curriculum
            modelJSON = Array(line[range])
        }
        var params = ExportParams(
            curriculum: curriculum, root: others.root, format: others.format, sessions: others.sessions,
            delivery: others.delivery, options: others.options)
        params.timetable = others.timetable
        return params
    }
}

/// The members of ``ExportParams`` other than `curriculum` (a test checks the two lists agree).
struct ExportParamsWithoutModel: Decodable {
    var root: String
    var format: String
    var sessions: [String]
    var delivery: Delivery?
    var options: [String: JSONValue]
    var timetable: ResolvedTimetable?
}

/// Finds members of a JSON-RPC line without parsing it: just enough structure (strings, nesting) to skip values.
enum JSONMemberScan {
    /// The byte range of `params.curriculum` in a request line, or `nil` when the line does not have that shape.
    ///
    /// When the value starts with the `known` bytes followed by the end of a member, the range is found without
    /// reading the value: a complete JSON value cannot continue after its last byte.
    static func curriculumRange(in bytes: UnsafeBufferPointer<UInt8>, known: [UInt8]) -> Range<Int>? {
        guard let params = member(Array("params".utf8), inObjectAt: skipSpace(bytes, 0), bytes) else { return nil }
        guard let start = member(Array("curriculum".utf8), inObjectAt: params, bytes) else { return nil }
        if !known.isEmpty, start + known.count < bytes.count, let base = bytes.baseAddress,
            known.withUnsafeBufferPointer({ kept in
                kept.baseAddress.map { memcmp(base + start, $0, known.count) == 0 } ?? false
            })
        {
            let after = skipSpace(bytes, start + known.count)
            if after < bytes.count, bytes[after] == UInt8(ascii: ",") || bytes[after] == UInt8(ascii: "}") {
                return start..<(start + known.count)
            }
        }
        guard let end = endOfValue(bytes, start) else { return nil }
        return start..<end
    }

    /// Where the value of a member starts, in the object starting at `start`; `nil` if it has no such member.
    static func member(_ key: [UInt8], inObjectAt start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = skipSpace(bytes, start + 1)
        while index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            guard let keyEnd = endOfString(bytes, index) else { return nil }
            let matches =
                keyEnd - index - 2 == key.count && key.indices.allSatisfy { bytes[index + 1 + $0] == key[$0] }
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, index + 1)
            if matches { return index }
            guard let valueEnd = endOfValue(bytes, index) else { return nil }
            index = skipSpace(bytes, valueEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1)
        }
        return nil
    }

    /// The index just past the value starting at `start`.
    static func endOfValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""): return endOfString(bytes, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = endOfString(bytes, index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            // A number, true, false or null: up to the next delimiter.
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: return index
                default: index += 1
                }
            }
            return index
        }
    }

    /// The index just past the string starting at `start` (its opening quote).
    static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }
}
