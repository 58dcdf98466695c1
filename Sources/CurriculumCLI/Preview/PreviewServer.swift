import CurriculumKit
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The preview's HTTP server, on 127.0.0.1 only: `/` lists the pages, `/<session>/<file>` serves one page or
/// handout of the last rendering, `/events` tells browsers to reload (server-sent events), and `/status.json`
/// says how many browsers listen and how many pages were served (for tests and scripts).
struct PreviewServer: Sendable {
    let site: PreviewSite
    let port: Int

    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let site = self.site
        router.get("/") { _, _ -> Response in
            let rendering = await site.rendering
            let page = PreviewPages.index(rendering, generation: await site.generation)
            return Self.response(Array(page.utf8), type: "text/html; charset=utf-8")
        }
        router.get("/status.json") { _, _ -> Response in
            Self.response(Array(await site.status().utf8), type: "application/json")
        }
        router.get("/events") { _, _ -> Response in
            let stream = await site.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": connected\n\n"))
                    for await generation in stream {
                        try await writer.write(ByteBuffer(string: "data: \(generation)\n\n"))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("**") { request, _ -> Response in
            let parts = request.uri.path.split(separator: "/").map {
                String($0).removingPercentEncoding ?? String($0)
            }
            let rendering = await site.rendering
            guard parts.count >= 2,
                let session = rendering.sessions.first(where: { $0.id == parts[0] }),
                let file = session.files[parts.dropFirst().joined(separator: "/")]
            else {
                return Self.response(Array("not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
            }
            let type = file.mediaType ?? "application/octet-stream"
            if type.hasPrefix("text/html") {
                await site.servedPage()
                return Self.response(
                    PreviewPages.decorate(file.bytes, with: rendering), type: "text/html; charset=utf-8")
            }
            return Self.response(file.bytes, type: type)
        }
        var logger = Logger(label: "curriculum-preview")
        logger.logLevel = .error
        return Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    private static func response(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
