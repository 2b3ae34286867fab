import Catalogue
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// How long a connection may take over a request's body, and what becomes of a body the server has answered
/// before reading it (`policy/workspace_limits.csv`).
///
/// Hummingbird closes a connection idle for its idle timeout, but every part of a body that arrives starts that
/// wait again, and after answering a request it reads what is left of the body before the next request: a body of
/// 8 MB sent a byte every 20 s would hold its connection, and its place under ``ConnectionCap``, for ever. So:
///
/// - a request's body arrives whole within ``seconds`` of its headers: when the time runs out the request fails
///   (its handler, still reading, is given ``BodyDeadline/TooSlow``, never a body cut short that would read as
///   whole) and the connection is closed;
/// - a request answered before its body was read whole (403 for a form without its security token, 413 for a body
///   over the limit) is answered with `Connection: close`; at the answer's end the server stops sending, and
///   ``lingerSeconds`` later it closes the connection instead of reading the rest of the body (the wait lets a
///   browser still sending read the answer before the connection is cut).
struct BodyDeadline: Sendable {
    /// The most seconds from a request's headers to the end of its body.
    let seconds: Int
    /// The seconds a connection is kept after answering a request before its body was read.
    let lingerSeconds: Int

    /// The error a request's handler reading its body is given when the body did not arrive in time.
    struct TooSlow: Error {}

    /// The deadline and the linger of the policy's limits.
    init(limits: WorkspaceLimits) {
        seconds = limits.requestBodySecondsMaximum
        lingerSeconds = limits.answeredRequestLingerSeconds
    }

    /// The handler for a new connection's pipeline.
    func handler() -> BodyDeadlineHandler {
        BodyDeadlineHandler(deadline: .seconds(Int64(seconds)), linger: .seconds(Int64(lingerSeconds)))
    }
}

/// One connection's part of ``BodyDeadline``: it times each request's body from its head to its end, and closes
/// the connection after an answer given while the body was still arriving.
final class BodyDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let deadline: TimeAmount
    private let linger: TimeAmount
    /// The deadline of the body being read, while one is.
    private var timer: Scheduled<Void>?
    /// The requests whose end has been read.
    private var ended = 0
    /// The responses begun (informational ones not counted).
    private var answered = 0
    /// Whether the response being written answers a request whose body had not all arrived.
    private var early = false

    init(deadline: TimeAmount, linger: TimeAmount) {
        self.deadline = deadline
        self.linger = linger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: startTimer(context.channel)
        case .body: break
        case .end:
            ended += 1
            stopTimer()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.kind != .informational:
            answered += 1
            early = ended < answered
            guard early else { return context.write(data, promise: promise) }
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where early:
            early = false
            closeAfter(context, writing: data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { stopTimer() }

    /// Starts the deadline of a request's body: when it runs out, the body's reader is given an error and the
    /// connection is closed.
    private func startTimer(_ channel: any Channel) {
        stopTimer()
        timer = channel.eventLoop.scheduleTask(in: deadline) {
            channel.pipeline.fireErrorCaught(BodyDeadline.TooSlow())
            channel.close(promise: nil)
        }
    }

    private func stopTimer() {
        timer?.cancel()
        timer = nil
    }

    /// Writes the end of an answer given before its request's body was read, then stops sending and closes the
    /// connection after the linger.
    private func closeAfter(_ context: ChannelHandlerContext, writing data: NIOAny, promise: EventLoopPromise<Void>?) {
        let (channel, linger) = (context.channel, self.linger)
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.cascade(to: promise)
        written.futureResult.whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: linger) { channel.close(promise: nil) }
        }
        context.writeAndFlush(data, promise: written)
    }
}
