import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import WebApp
@testable import Workspace

/// What a raw connection to a live server received, and when the server stopped sending (end of file).
private final class Received: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let state = Mutex<(bytes: [UInt8], ended: ContinuousClock.Instant?)>(([], nil))

    /// What arrived, as text.
    var text: String { state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    /// When the server's end of file arrived, if it has.
    var ended: ContinuousClock.Instant? { state.withLock { $0.ended } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        state.withLock { $0.bytes += buffer.readableBytesView }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { markEnded() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        markEnded()
        context.fireChannelInactive()
    }

    private func markEnded() { state.withLock { $0.ended = $0.ended ?? ContinuousClock.now } }
}

/// A client's connection to a live server, written byte by byte as a slow or hostile client would. It stays open
/// after the server's end of file, so that a server that stops sending but still reads is told from one that closed.
private struct RawConnection {
    let channel: any Channel
    let received: Received

    /// Connects to the server on loopback at `port`.
    static func open(port: Int) async throws -> RawConnection {
        let received = Received()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(received) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, received: received)
    }

    /// Sends `text`; false when the connection was closed.
    @discardableResult
    func send(_ text: String) async -> Bool {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text))
            return true
        } catch {
            return false
        }
    }

    /// Sends `text` every `interval` until the server has closed the connection (a write then fails) or `limit`
    /// has passed; how long the connection stayed open.
    func keepSending(_ text: String, every interval: Duration, for limit: Duration) async -> Duration {
        let start = ContinuousClock.now
        while channel.isActive, ContinuousClock.now - start < limit {
            await send(text)
            try? await Task.sleep(for: interval)
        }
        return ContinuousClock.now - start
    }

    /// Closes the connection from this side, if the server has not.
    func close() async { try? await channel.close() }
}

/// Runs `test` with the port of `server` serving on loopback (a port the system chose), then stops it.
private func withLiveServer(_ server: WorkspaceServer, _ test: @Sendable (Int) async throws -> Void) async throws {
    let (ports, running) = AsyncStream.makeStream(of: Int.self)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await server.serve(host: "127.0.0.1", port: 0, requestLog: false) { port in running.yield(port) }
        }
        var started = ports.makeAsyncIterator()
        let first = await started.next()
        let port = try #require(first, "the server did not start")
        try await test(port)
        group.cancelAll()
    }
}

/// The head of a request to the live server at `port`, with `fields` (each ending in CRLF).
private func head(_ target: String, port: Int, _ fields: String) -> String {
    "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n" + fields + "\r\n"
}

@Suite("Slow and refused request bodies, against a live server")
struct SlowRequestTests {
    @Test("a form whose body comes a byte at a time is cut at the policy's deadline: the connection closed, no save")
    func bodyDeadline() async throws {
        let workspace = try Workspace()
        var server = try await WorkspaceServer(borough: demoBorough, workspace: workspace, secret: testSecret)
        server.formLimits.requestBodySecondsMaximum = 2
        try await withLiveServer(server) { port in
            let connection = try await RawConnection.open(port: port)
            // The whole form, with its token, then a length of 100 bytes more that come a byte every 250 ms: a
            // form cut short must not be read as whole.
            let body = String(buffer: form(highways))
            let fields =
                "Cookie: svtk_csrf=\(token)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(body.utf8.count + 100)\r\n"
            #expect(await connection.send(head("/contracts", port: port, fields) + body))
            let open = await connection.keepSending("&", every: .milliseconds(250), for: .seconds(15))
            #expect(open >= .milliseconds(1500) && open < .seconds(2 + 3), "open for \(open)")
            #expect(connection.received.ended != nil)
            #expect(!connection.received.text.hasPrefix("HTTP/1.1 303"))
            await connection.close()
        }
        #expect(try await workspace.contracts().isEmpty)
    }

    @Test("a request answered before its body is read (403 without a token, 413 too big) is closed, not drained")
    func answeredEarly() async throws {
        var server = try await WorkspaceServer(borough: demoBorough, workspace: try Workspace(), secret: testSecret)
        server.formLimits.answeredRequestLingerSeconds = 1
        let limit = demoBorough.catalogue.workspaceLimits.requestBodyBytesMaximum
        let cases = [
            ("/x", "Content-Length: 8000000\r\n", "403"), ("/sign-in", "Content-Length: 8000000\r\n", "403"),
            ("/contracts", "Cookie: svtk_csrf=\(token)\r\nContent-Length: \(limit + 1)\r\n", "413"),
        ]
        try await withLiveServer(server) { port in
            for (target, fields, status) in cases {
                let connection = try await RawConnection.open(port: port)
                let started = ContinuousClock.now
                await connection.send(head(target, port: port, fields))
                let open = await connection.keepSending("a", every: .milliseconds(250), for: .seconds(15))
                #expect(open < .seconds(1 + 3), "\(target): open for \(open)")
                let ended = try #require(connection.received.ended, "\(target)")
                #expect(ended - started < .seconds(3), "\(target): the answer's end of file")
                let answer = connection.received.text
                #expect(answer.hasPrefix("HTTP/1.1 \(status)"), "\(target): \(answer.prefix(60))")
                #expect(answer.lowercased().contains("\r\nconnection: close\r\n"), "\(target)")
                await connection.close()
            }
        }
    }

    @Test("a chunked upload sent without stopping past the body limit is answered 413 and closed, not read to its end")
    func chunkedFlood() async throws {
        var server = try await WorkspaceServer(borough: demoBorough, workspace: try Workspace(), secret: testSecret)
        server.formLimits.answeredRequestLingerSeconds = 1
        let mebibyte = String(repeating: "a", count: 1 << 20)
        try await withLiveServer(server) { port in
            let connection = try await RawConnection.open(port: port)
            let fields =
                "Cookie: svtk_csrf=\(token)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n"
            await connection.send(head("/contracts", port: port, fields))
            // A mebibyte a chunk (0x100000 bytes), as fast as the server takes them, for up to 20 s.
            let chunk = "100000\r\n\(mebibyte)\r\n"
            let open = await connection.keepSending(chunk, every: .milliseconds(1), for: .seconds(20))
            #expect(open < .seconds(10), "open for \(open)")
            #expect(connection.received.text.hasPrefix("HTTP/1.1 413"))
            await connection.close()
        }
    }
}
