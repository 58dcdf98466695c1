import CurriculumPluginKit
import Foundation
import Testing

@Suite struct LineReaderTests {
    /// Feeds bytes through a pipe and reads every line back.
    func lines(_ bytes: [UInt8], limit: Int = 64) -> [LineReader.Line] {
        var descriptors: [Int32] = [0, 0]
        pipe(&descriptors)
        bytes.withUnsafeBytes { _ = write(descriptors[1], $0.baseAddress, $0.count) }
        close(descriptors[1])
        defer { close(descriptors[0]) }
        var reader = LineReader(descriptor: descriptors[0], maxLineBytes: limit)
        var result: [LineReader.Line] = []
        while true {
            let line = reader.next()
            result.append(line)
            if line == .end { return result }
        }
    }

    @Test func acceptsCRLFBlankLinesAndAFinalLineWithoutNewline() {
        let read = lines(Array("one\r\n\ntwo\nthree".utf8))
        #expect(
            read == [.line(Array("one".utf8)), .line([]), .line(Array("two".utf8)), .line(Array("three".utf8)), .end])
    }

    @Test func readsLinesLongerThanOneReadAndTheShortLinesThatShareItsReads() {
        // 600 KB spans several reads; the short lines after it arrive in the same read as its end.
        let long = [UInt8](repeating: 0x62, count: 600_000)
        let bytes = long + Array("\na\nbb\n\nccc".utf8) + long + Array("\nd\n".utf8)
        var descriptors: [Int32] = [0, 0]
        pipe(&descriptors)
        let output = descriptors[1]
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(output, buffer.baseAddress! + offset, buffer.count - offset)
                    guard written > 0 else { break }
                    offset += written
                }
            }
            close(output)
        }
        writer.start()
        defer { close(descriptors[0]) }
        var reader = LineReader(descriptor: descriptors[0], maxLineBytes: 1 << 20)
        var read: [LineReader.Line] = []
        while read.last != .end { read.append(reader.next()) }
        #expect(
            read == [
                .line(long), .line(Array("a".utf8)), .line(Array("bb".utf8)), .line([]),
                .line(Array("ccc".utf8) + long),
                .line(Array("d".utf8)), .end,
            ])
    }

    @Test func refusesLongLinesAndCarriesOnAfterThem() {
        let long = [UInt8](repeating: 0x61, count: 200)
        let read = lines(long + Array("\nok\n".utf8), limit: 64)
        #expect(read == [.tooLong, .line(Array("ok".utf8)), .end])
    }
}

@Suite struct MessageCodingTests {
    @Test func errorResponsesCarryANullIdWhenTheRequestCouldNotBeRead() throws {
        let data = try JSONEncoder().encode(RPCErrorResponse(id: nil, error: RPCError(code: -32700, message: "bad")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] is NSNull)
        #expect(object["jsonrpc"] as? String == "2.0")
    }

    @Test func envelopesRouteWithoutDecodingTheResult() throws {
        let envelope = try JSONDecoder().decode(
            RPCEnvelope.self, from: Data(#"{"jsonrpc":"2.0","id":2,"result":{"anything":[1,2,3]}}"#.utf8))
        #expect(envelope.id == .number(2))
        #expect(envelope.hasResult)
        #expect(!envelope.isNotification)
        let notification = try JSONDecoder().decode(
            RPCEnvelope.self, from: Data(#"{"jsonrpc":"2.0","method":"$/progress","params":{"done":1}}"#.utf8))
        #expect(notification.isNotification)
    }

    @Test func capabilitiesListOnlyWhatAPluginHas() throws {
        let data = try JSONEncoder().encode(Capabilities(validate: .init(rules: [])))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.sorted() == ["validate"])
    }

    @Test func jsonValuesRoundTrip() throws {
        let value = JSONValue.object(["a": .array([.number(1), .string("x"), .bool(true), .null])])
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == value)
    }
}

@Suite struct EnvelopeScannerTests {
    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":2,"result":{"x":"a \"quoted\" } brace","y":[1,{"z":[]}]}}"#,
        #"  { "result" : [ "]" , 1 ] , "id" : 2 , "jsonrpc" : "2.0" }  "#,
        #"{"result":{"path":"C:\\","next":"\\\"}\\"},"id":2,"jsonrpc":"2.0"}"#,
    ])
    func readsRoutingFieldsWithoutParsingTheResult(text: String) throws {
        let envelope = try #require(RPCEnvelope.scan(Data(text.utf8)))
        #expect(envelope.id == .number(2))
        #expect(envelope.hasResult)
        #expect(envelope.jsonrpc == "2.0")
    }

    @Test func readsErrorsAndMethods() throws {
        let error = try #require(
            RPCEnvelope.scan(Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#.utf8)))
        #expect(error.id == .null)
        #expect(error.error?.code == -32700)
        let note = try #require(
            RPCEnvelope.scan(Data(#"{"jsonrpc":"2.0","method":"$/log","params":{"level":"info","message":"hi"}}"#.utf8))
        )
        #expect(note.isNotification)
        #expect(note.hasParams)
    }

    @Test(arguments: [
        "Starting up...", "", "[1,2]", #"{"id":2"#, #"{"id":2,}"#, #"{"id":2} trailing"#, #"{"a":"unterminated}"#,
    ])
    func refusesWhatIsNotAJSONObject(text: String) {
        #expect(RPCEnvelope.scan(Data(text.utf8)) == nil)
    }
}
