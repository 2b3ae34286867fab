import Hummingbird
import NIOCore
import NIOHTTPTypes
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The most connections the server keeps open, so it never runs out of open files (a process that does fails
/// wherever it next opens one: the runtime's own threads, the database, an upload). Each connection is counted
/// while it is open:
///
/// - up to ``maximum``, it is served;
/// - beyond it, its first request is answered `503 Service Unavailable` with `Retry-After`, and it is closed;
/// - beyond ``maximum`` plus as many again (or the files left, if fewer), it is closed at once, unanswered,
///   so connections that never send a request cannot use up the files either.
public final class ConnectionCap: Sendable {
    /// Connections served at once.
    public let maximum: Int
    /// Connections held open at all: served, or waiting for their request to be refused.
    public let held: Int
    /// The wait a 503 asks for, in seconds.
    let retryAfterSeconds: Int
    private let open = Mutex(0)

    /// A cap of `maximum` connections, lowered to fit `files` open files less `reserved` for everything else.
    public init(maximum: Int, files: Int, reserved: Int, retryAfterSeconds: Int) {
        let available = max(2, files - reserved)
        self.maximum = max(1, min(maximum, available / 2))
        held = min(2 * self.maximum, available)
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The handler for a new connection's pipeline.
    func handler() -> ConnectionCapHandler { ConnectionCapHandler(cap: self) }

    /// Counts a connection in; its place: served, refused with 503, or closed.
    func enter() -> ConnectionCapHandler.Place {
        open.withLock { count in
            count += 1
            return count <= maximum ? .served : count <= held ? .refused : .closed
        }
    }

    /// Counts a connection out.
    func leave() { open.withLock { $0 -= 1 } }

    /// The number of connections open now.
    public var count: Int { open.withLock { $0 } }

    /// Raises the process's soft open-file limit to its hard limit (where the system allows), and returns the
    /// soft limit then in force.
    public static func raiseFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 20)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, 1 << 20))
    }
}

/// One connection's part of ``ConnectionCap``: counts it in when added and out when closed, and refuses it as
/// its place says.
final class ConnectionCapHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// Where a connection stands against the cap.
    enum Place {
        case served, refused, closed
    }

    private let cap: ConnectionCap
    private var place: Place?
    private var answered = false

    init(cap: ConnectionCap) { self.cap = cap }

    func handlerAdded(context: ChannelHandlerContext) {
        let place = cap.enter()
        self.place = place
        if place == .closed { context.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if place != nil { cap.leave() }
        place = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard place == .refused else { return context.fireChannelRead(data) }
        guard case .head = unwrapInboundIn(data), !answered else { return }
        answered = true
        let text = "The workspace is busy: try again in \(cap.retryAfterSeconds) seconds.\n"
        let body = context.channel.allocator.buffer(string: text)
        let head = HTTPResponse(
            status: .serviceUnavailable,
            headerFields: [
                .retryAfter: "\(cap.retryAfterSeconds)", .connection: "close",
                .contentType: "text/plain; charset=utf-8", .contentLength: "\(body.readableBytes)",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
