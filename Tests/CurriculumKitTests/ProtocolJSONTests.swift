import CurriculumModel
import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

/// The protocol's JSON reader and writer agree with Foundation's on every bundled curriculum and on the awkward
/// corners of JSON, and fail with the same kind of error at the same coding path.
@Suite struct ProtocolJSONTests {
    @Test(arguments: NativeXMLWriterTests.programmes)
    func aModelWrittenAndReadEitherWayIsTheSameModel(programme: String) throws {
        let path = NativeXMLWriterTests.packageRoot.appendingPathComponent(programme).path
        let model = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let ours = try ProtocolJSONEncoder.encode(model)
        let theirs = try JSONEncoder().encode(model)
        // The very bytes of JSONEncoder with sorted keys and unescaped slashes, which plugins have always received.
        let sorted = JSONEncoder()
        sorted.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(ours == (try sorted.encode(model)))
        #expect(try JSONDecoder().decode(Curriculum.self, from: ours) == model)
        #expect(try ProtocolJSONDecoder.decode(Curriculum.self, from: theirs) == model)
        #expect(try ProtocolJSONDecoder.decode(Curriculum.self, from: ours) == model)
        // The same value gives the same bytes.
        #expect(try ProtocolJSONEncoder.encode(model) == ours)
    }

    @Test func stringsKeepEveryCharacterThroughEscapes() throws {
        let texts = [
            "plain", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
            "é ü — “curly” 中文 🙂 👩🏽‍💻", "",
        ]
        let ours = try ProtocolJSONEncoder.encode(texts)
        #expect(try JSONDecoder().decode([String].self, from: ours) == texts)
        #expect(!String(decoding: ours, as: UTF8.self).contains("\\/"), "slashes are not escaped")
        let escaped = Data(#"["\u00e9\ud83d\ude42\/\b\f","\"x\""]"#.utf8)
        #expect(try ProtocolJSONDecoder.decode([String].self, from: escaped) == ["é🙂/\u{8}\u{C}", "\"x\""])
    }

    @Test func aCharacterToEscapeIsFoundAtEveryPositionOfAString() throws {
        // Strings are scanned eight bytes at a time: each special character is tried at every offset, in strings
        // long enough to hold a few such words and a tail, next to plain ASCII and to multi-byte characters.
        let sorted = JSONEncoder()
        sorted.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for filler in ["a", "é"] {
                for length in 0...20 {
                    for offset in 0...length {
                        var characters = Array(repeating: filler, count: length)
                        characters.insert(special, at: offset)
                        let text = characters.joined()
                        let ours = try ProtocolJSONEncoder.encode([text])
                        #expect(ours == (try sorted.encode([text])), "\(text.debugDescription)")
                        #expect(try ProtocolJSONDecoder.decode([String].self, from: ours) == [text])
                    }
                }
            }
        }
    }

    @Test(arguments: NativeXMLWriterTests.programmes)
    func aModelWrittenWithoutSortingKeysReadsBackTheSame(programme: String) throws {
        let path = NativeXMLWriterTests.packageRoot.appendingPathComponent(programme).path
        let model = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let unsorted = try ProtocolJSONEncoder.encode(model, sortingKeys: false)
        #expect(unsorted.count == (try ProtocolJSONEncoder.encode(model)).count)
        #expect(try ProtocolJSONDecoder.decode(Curriculum.self, from: unsorted) == model)
        #expect(try JSONDecoder().decode(Curriculum.self, from: unsorted) == model)
    }

    @Test func numbersReadAsJSONEncoderReadsThem() throws {
        let text = Data(#"{"int":-42,"whole":3.0,"exp":2e2,"double":0.1,"big":1.5e300,"flag":true,"none":null}"#.utf8)
        struct Numbers: Decodable, Equatable {
            var int: Int
            var whole: Int
            var exp: Int
            var double: Double
            var big: Double
            var flag: Bool
            var none: String?
        }
        let ours = try ProtocolJSONDecoder.decode(Numbers.self, from: text)
        #expect(ours == (try JSONDecoder().decode(Numbers.self, from: text)))
        #expect(ours.whole == 3 && ours.exp == 200 && ours.none == nil)
        let values: [JSONValue] = [.number(3), .number(0.1), .number(-1e-7), .bool(false), .null, .string("x")]
        #expect(try JSONDecoder().decode([JSONValue].self, from: try ProtocolJSONEncoder.encode(values)) == values)
        #expect(throws: EncodingError.self) { try ProtocolJSONEncoder.encode([Double.nan]) }
    }

    @Test func dictionaryKeysAreWrittenSorted() throws {
        let options: [String: JSONValue] = [
            "zeta": .number(1), "alpha": .string("a"), "mid": .object(["b": .null, "a": .bool(true)]),
        ]
        let text = String(decoding: try ProtocolJSONEncoder.encode(options), as: UTF8.self)
        #expect(text == #"{"alpha":"a","mid":{"a":true,"b":null},"zeta":1}"#)
        #expect(try ProtocolJSONDecoder.decode([String: JSONValue].self, from: Data(text.utf8)) == options)
    }

    /// Protocol messages name the field that is wrong: the path must be the same as with JSONDecoder.
    @Test func errorsNameTheSameFieldAsJSONDecoder() throws {
        struct Result: Decodable {
            var diagnostics: [Diagnostic]
        }
        for text in [
            #"{"diagnostics":{"x":1}}"#, #"{"diagnostics":[{"severity":"error","code":"A1","message":7}]}"#,
            #"{"other":[]}"#, #"{"diagnostics":null}"#,
        ] {
            let data = Data(text.utf8)
            var theirs = ""
            var ours = ""
            do { _ = try JSONDecoder().decode(Result.self, from: data) } catch {
                theirs = DecodingDescription.of(error)
            }
            do { _ = try ProtocolJSONDecoder.decode(Result.self, from: data) } catch {
                ours = DecodingDescription.of(error)
            }
            #expect(!ours.isEmpty, "\(text) was accepted")
            #expect(ours.prefix(while: { $0 != "(" }) == theirs.prefix(while: { $0 != "(" }), "\(text)")
        }
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[-]", "\"unterminated", "[\"tab\there\"]", "nul", "[1] x",
        "[\"\\x\"]", "[\"\\ud800\"]", "{\"a\":1,}",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func textThatIsNotJSONIsRefused(text: String) {
        #expect(throws: DecodingError.self) {
            _ = try ProtocolJSONDecoder.decode(JSONValue.self, from: Data(text.utf8))
        }
    }

    /// Whatever a plugin writes, reading it ends in a value or an error: mangled copies of a real model, cut short
    /// or with bytes changed, are read as a model and as any JSON value without a crash.
    @Test func mangledMessagesAreReadOrRefusedWithoutACrash() throws {
        let path = NativeXMLWriterTests.packageRoot.appendingPathComponent(
            "Tests/EndToEndTests/Fixtures/provenance/mini.xml"
        ).path
        let model = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let original = [UInt8](try ProtocolJSONEncoder.encode(model))
        var generator = SplitMix(seed: 17)
        let replacements = Array(#"{}[]",:\0-9eE.+tfn u"#.utf8) + [0x00, 0x80, 0xC3, 0xFF]
        var refused = 0
        for round in 0..<1500 {
            var bytes = original
            if round % 5 == 0 {
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
            } else {
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    bytes[at] = replacements[Int(generator.next() % UInt64(replacements.count))]
                }
            }
            if (try? ProtocolJSONDecoder.decode(Curriculum.self, from: bytes)) == nil { refused += 1 }
            _ = try? ProtocolJSONDecoder.decode(JSONValue.self, from: bytes)
        }
        #expect(refused > 0)
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        let data = Data([UInt8(ascii: "["), UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\""), UInt8(ascii: "]")])
        #expect(throws: DecodingError.self) { _ = try ProtocolJSONDecoder.decode([String].self, from: data) }
    }

    @Test func aMessageEnvelopeReadsAsWithJSONDecoder() throws {
        let line = Data(
            #"{"jsonrpc":"2.0","id":2,"result":{"diagnostics":[{"severity":"warning","code":"HOS001","message":"m","location":{"path":"a.xml","line":3,"column":1}}]}}"#
                .utf8)
        let ours = try ProtocolJSONDecoder.decode(ResultOf<ValidateResult>.self, from: line).result
        #expect(ours == (try JSONDecoder().decode(ResultOf<ValidateResult>.self, from: line).result))
    }
}

/// A small seeded generator, so a failing round can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
