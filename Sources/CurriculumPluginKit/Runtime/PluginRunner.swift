import Foundation

/// The loop behind ``CurriculumPlugin/main()``: reads requests, dispatches them, writes responses.
struct PluginRunner<Plugin: CurriculumPlugin> {
    let plugin: Plugin

    func run() async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let protocolDescriptor = dup(STDOUT_FILENO)
        guard protocolDescriptor >= 0 else { return 70 }
        // From here on, anything written to standard output by mistake goes to standard error.
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let plugin = self.plugin
        Thread.detachNewThread { plugin.prepare() }
        let channel = PluginChannel(descriptor: protocolDescriptor)
        var reader = LineReader(descriptor: STDIN_FILENO, maxLineBytes: PluginProtocol.defaultMaxMessageBytes)
        var core = InitializeParams.CoreIdentity(name: "curriculum", version: "?")
        /// The minor version agreed in the handshake.
        var protocolMinor = 0
        var models = DecodedModelCache()
        while true {
            let bytes: [UInt8]
            switch reader.next() {
            case .end: return 0
            case .tooLong:
                channel.send(
                    RPCErrorResponse(
                        id: nil,
                        error: RPCError(
                            code: PluginProtocol.ErrorCode.invalidRequest, message: "message longer than the line limit"
                        )))
                continue
            case .line(let line): bytes = line
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let data = Data(bytes)
            guard let envelope = RPCEnvelope.scan(data) else {
                channel.send(
                    RPCErrorResponse(
                        id: nil,
                        error: RPCError(
                            code: PluginProtocol.ErrorCode.parseError, message: "the line is not a JSON-RPC message")))
                continue
            }
            guard let method = envelope.method else { continue }
            guard case .number(let id) = envelope.id else {
                if envelope.id != nil {
                    channel.send(
                        RPCErrorResponse(
                            id: nil,
                            error: RPCError(
                                code: PluginProtocol.ErrorCode.invalidRequest, message: "ids must be numbers")))
                }
                continue
            }
            let context = PluginContext(channel: channel, requestID: id, core: core)
            do {
                switch method {
                case PluginProtocol.Method.initialize:
                    let params = try decodeParams(InitializeParams.self, data)
                    core = params.core
                    protocolMinor = min(params.protocolMinor ?? 0, PluginProtocol.minorVersion)
                    guard let version = params.protocolVersions.filter(PluginProtocol.supportedVersions.contains).max()
                    else {
                        channel.send(
                            RPCErrorResponse(
                                id: id,
                                error: RPCError(
                                    code: PluginProtocol.ErrorCode.unsupportedProtocolVersion,
                                    message:
                                        "\(plugin.identity.name) speaks protocol versions \(PluginProtocol.supportedVersions), not \(params.protocolVersions)",
                                    data: .object([
                                        "supported": .array(
                                            PluginProtocol.supportedVersions.map { .number(Double($0)) })
                                    ]))))
                        return 0
                    }
                    channel.send(
                        RPCResponse(
                            id: id,
                            result: InitializeResult(
                                protocolVersion: version, plugin: plugin.identity, capabilities: plugin.capabilities,
                                modelVersions: VersionRange(min: "1.0", max: "1.0"),
                                protocolMinor: protocolMinor)))
                case PluginProtocol.Method.validate:
                    let result = try await plugin.validate(
                        try decodeParams(ValidateParams.self, data), context: context)
                    channel.send(RPCResponse(id: id, result: result))
                case PluginProtocol.Method.import:
                    let result = try await plugin.importSource(
                        try decodeParams(ImportParams.self, data), context: context)
                    channel.send(RPCResponse(id: id, result: ImportAnswer(result, protocolMinor: protocolMinor)))
                case PluginProtocol.Method.export:
                    let params: ExportParams
                    do {
                        params = try models.exportParams(from: bytes)
                    } catch {
                        throw RPCError(
                            code: PluginProtocol.ErrorCode.invalidParams,
                            message: "invalid params: \(DecodingDescription.of(error))")
                    }
                    let result = try await plugin.export(params, context: context)
                    channel.send(RPCResponse(id: id, result: result))
                default:
                    throw RPCError(code: PluginProtocol.ErrorCode.methodNotFound, message: "unknown method \(method)")
                }
            } catch let error as RPCError {
                channel.send(RPCErrorResponse(id: id, error: error))
            } catch {
                channel.send(
                    RPCErrorResponse(
                        id: id, error: RPCError(code: PluginProtocol.ErrorCode.internalError, message: "\(error)")))
            }
        }
    }

    private func decodeParams<Params: Decodable>(
        _ type: Params.Type, _ data: Data
    ) throws -> Params {
        do {
            return try ProtocolJSONDecoder.decode(ParamsOf<Params>.self, from: data).params
        } catch {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "invalid params: \(DecodingDescription.of(error))")
        }
    }
}
