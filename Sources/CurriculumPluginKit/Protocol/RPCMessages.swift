/// A JSON-RPC request or notification the sender writes.
public struct RPCRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    public var jsonrpc = "2.0"
    /// `nil` for a notification.
    public var id: Int?
    public var method: String
    public var params: Params

    public init(id: Int?, method: String, params: Params) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// A JSON-RPC success response.
public struct RPCResponse<Result: Encodable & Sendable>: Encodable, Sendable {
    public var jsonrpc = "2.0"
    public var id: Int
    public var result: Result

    public init(id: Int, result: Result) {
        self.id = id
        self.result = result
    }
}

/// A JSON-RPC error object.
public struct RPCError: Codable, Sendable, Equatable, Error {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }
}

/// A JSON-RPC error response; `id` is `null` when the request could not be read.
public struct RPCErrorResponse: Encodable, Sendable {
    public var jsonrpc = "2.0"
    public var id: Int?
    public var error: RPCError

    public init(id: Int?, error: RPCError) {
        self.id = id
        self.error = error
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode(error, forKey: .error)
    }

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, error }
}

/// The parts of any incoming message needed to route it, read before its params or result.
public struct RPCEnvelope: Decodable, Sendable {
    public var jsonrpc: String?
    public var id: RPCID?
    public var method: String?
    public var error: RPCError?
    public var hasResult: Bool
    public var hasParams: Bool

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, method, error, result, params }

    init(hasResult: Bool, hasParams: Bool) {
        self.hasResult = hasResult
        self.hasParams = hasParams
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try container.decodeIfPresent(String.self, forKey: .jsonrpc)
        id = try container.decodeIfPresent(RPCID.self, forKey: .id)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        error = try container.decodeIfPresent(RPCError.self, forKey: .error)
        hasResult = container.contains(.result)
        hasParams = container.contains(.params)
    }

    /// Whether this is a notification (`$/…`, no id).
    public var isNotification: Bool { method != nil && id == nil }
}

/// A JSON-RPC id: a number or a string (the core only sends numbers).
public enum RPCID: Decodable, Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case string(String)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .string(let string): "\"\(string)\""
        case .null: "null"
        }
    }
}

/// Decodes just the params of a request.
public struct ParamsOf<Params: Decodable>: Decodable {
    public var params: Params
}

/// Decodes just the result of a response.
public struct ResultOf<Result: Decodable>: Decodable {
    public var result: Result
}

extension ResultOf: Encodable where Result: Encodable {
    public init(result: Result) {
        self.result = result
    }
}
