import Foundation
import Synchronization

/// The plugin's side of the protocol channel: writes whole JSON lines to the descriptor that was standard output
/// when the plugin started. Safe to use from several tasks.
public final class PluginChannel: Sendable {
    private let descriptor: Int32
    private let lock = Mutex<Void>(())

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Writes one message as a single line. Its members are not put in key order: the core reads them by name,
    /// and an importer's reply can be tens of megabytes.
    func send(_ message: some Encodable) {
        guard var data = try? ProtocolJSONEncoder.encode(message, sortingKeys: false) else { return }
        data.append(0x0A)
        lock.withLock { _ in
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }
}

/// What a plugin's handlers can use while they work: progress and log notifications to the core.
public struct PluginContext: Sendable {
    let channel: PluginChannel
    /// The id of the request being handled.
    public let requestID: Int
    /// The core that started the plugin.
    public let core: InitializeParams.CoreIdentity

    /// Reports progress; this also resets the core's timeout for the request.
    public func progress(done: Int, total: Int, message: String? = nil) {
        channel.send(
            RPCRequest(
                id: nil, method: PluginProtocol.Method.progress,
                params: ProgressParams(id: requestID, done: done, total: total, message: message)))
    }

    /// Sends a log line the core may show.
    public func log(_ message: String, level: String = "info") {
        channel.send(
            RPCRequest(id: nil, method: PluginProtocol.Method.log, params: LogParams(level: level, message: message)))
    }
}
