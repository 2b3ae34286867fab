import Catalogue
import Core
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Toolkit
import Workspace

/// `svtk serve`: the commissioners' workspace as a local web app over a borough's evidence and a workspace
/// file. Pages are rendered on the server and work without scripts; every POST carries a CSRF token; bodies are
/// limited; uploads go through the strict CSV layer; errors are pages in plain words.
public struct WorkspaceServer: Sendable {
    let borough: Borough
    let workspace: Workspace
    let tokens: CSRFTokens
    let clock: WorkspaceClock
    /// The bounds on a CPV search, a tender's deadline and the time given to connections and requests' bodies
    /// (`policy/workspace_limits.csv`, as the catalogue read them); a variable, so that a test can shorten the times.
    var formLimits: WorkspaceLimits

    /// A server for a borough's evidence and a workspace, whose forms' tokens are derived from `secret` (by
    /// default the workspace's own, ``Workspace/serverSecret()``), telling the time by `clock`.
    /// - Throws: the workspace's error when its secret cannot be read.
    public init(borough: Borough, workspace: Workspace, secret: [UInt8]? = nil, clock: WorkspaceClock = .system)
        async throws
    {
        self.borough = borough
        self.workspace = workspace
        self.clock = clock
        formLimits = borough.catalogue.workspaceLimits
        if let secret {
            tokens = CSRFTokens(secret: secret)
        } else {
            tokens = CSRFTokens(secret: try await workspace.serverSecret())
        }
    }

    /// The names a workspace on loopback answers to.
    public static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "::1"]

    /// Every route of the workspace, behind its middleware: request log, security headers, error pages, the
    /// host check (requests addressed to `hosts` only; any, when `nil`), forms. A `HEAD` is answered as its page's
    /// `GET` without the body; a method a known path does not have, with 405 and the methods it has
    /// (``AccessMiddleware``).
    /// Requests from `trustedProxies` (addresses) may name any host, and their `X-Forwarded-Proto` is believed; with
    /// any, or with `hosts` beyond this machine, everyone must sign in.
    public func router(hosts: Set<String>? = WorkspaceServer.loopbackNames, trustedProxies: Set<String> = [])
        -> Router<WebContext>
    {
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        let limits = borough.catalogue.workspaceLimits
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages())
        router.add(middleware: HostCheck(allowed: hosts, trustedProxies: trustedProxies))
        let beyondThisMachine = hosts.map { !$0.isSubset(of: Self.loopbackNames) } ?? true
        router.add(
            middleware: SignInMiddleware(
                workspace: workspace, limits: limits, accountsRequired: beyondThisMachine || !trustedProxies.isEmpty))
        router.add(
            middleware: FormMiddleware(
                bodyLimit: limits.requestBodyBytesMaximum, fieldLimit: limits.formFieldsMaximum, tokens: tokens))
        router.add(middleware: AccessMiddleware(policy: borough.catalogue.accessPolicy))
        let pages = PageCache()
        AccountRoutes(borough: borough, workspace: workspace).add(to: router)
        AuditRoutes(borough: borough, workspace: workspace).add(to: router)
        BoroughRoutes(borough: borough, workspace: workspace, pages: pages).add(to: router)
        ContractRoutes(borough: borough, workspace: workspace, pages: pages, clock: clock, limits: formLimits)
            .add(to: router)
        DecisionRoutes(borough: borough, workspace: workspace).add(to: router)
        DeliveryRoutes(borough: borough, workspace: workspace, clock: clock).add(to: router)
        SupplierRoutes(borough: borough, workspace: workspace, clock: clock).add(to: router)
        TenderRoutes(borough: borough, workspace: workspace, clock: clock, limits: formLimits).add(to: router)
        return router
    }

    /// Serves the workspace at `host`:`port` until SIGINT or SIGTERM, logging each request to standard error unless
    /// `requestLog` is false; `onRunning` is told the port it listens on (for port 0, the one the system chose).
    ///
    /// It answers to the loopback names and `host`; to any name when `host` is a wildcard address (`0.0.0.0`,
    /// `::`), as the names it is reached by cannot be known. It raises its open-file limit where allowed and keeps
    /// its connections under it (``ConnectionCap``), closes a connection idle for the limits' time, closes one whose
    /// request's body takes longer than the limits allow or that was answered before its body was read
    /// (``BodyDeadline``), and on a signal stops accepting, gives requests in progress the limits' grace to finish,
    /// then cuts the rest and returns.
    /// - Throws: what the server throws starting (an address in use).
    public func serve(
        host: String, port: Int, trustedProxies: Set<String> = [], requestLog: Bool = true,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "svtk.serve")
        logger.logLevel = requestLog ? .info : .warning
        let limits = borough.catalogue.workspaceLimits
        let cap = ConnectionCap(
            maximum: limits.connectionsMaximum, files: ConnectionCap.raiseFileLimit(),
            reserved: limits.connectionsReservedFiles, retryAfterSeconds: limits.retryAfterSeconds)
        let hosts: Set<String>? =
            ["0.0.0.0", "::"].contains(host) ? nil : Self.loopbackNames.union([host.lowercased()])
        let idle = TimeAmount.seconds(Int64(formLimits.connectionIdleSeconds))
        let application = Application(
            router: router(hosts: hosts, trustedProxies: trustedProxies),
            server: .http1(
                configuration: .init(additionalChannelHandlers: connectionHandlers(cap), idleTimeout: idle)),
            configuration: .init(address: .hostname(host, port: port), serverName: "svtk"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(limits.shutdownGraceSeconds)
        configuration.maximumCancellationDuration = .seconds(1)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// A new connection's handlers: its place under `cap`, and the deadline on its requests' bodies.
    private func connectionHandlers(_ cap: ConnectionCap) -> [any RemovableChannelHandler] {
        [cap.handler(), BodyDeadline(limits: formLimits).handler()]
    }
}

/// What every group of routes needs.
protocol RouteGroup {
    var borough: Borough { get }
    var workspace: Workspace { get }
    func add(to router: Router<WebContext>)
}

extension RouteGroup {
    /// A page of the workspace as a response.
    func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, script: Scripts? = nil)
        -> Response
    {
        Page.html(title: title, body: body, borough: borough.analysis.borough.name, status: status, script: script)
    }

    /// The view of a contract's latest recommendation with its decisions and history.
    func recommendationView(_ contract: SavedContract) async throws -> RecommendationView {
        let id = contract.id ?? 0
        guard let latest = try await workspace.latestSnapshot(of: id) else {
            throw ToolkitError.missingFromWorkspace("recommendation for contract \(id)")
        }
        return RecommendationView(
            contract: contract, snapshot: latest, decisions: try await workspace.decisions(for: id),
            history: try await workspace.snapshotSummaries(of: id), borough: borough)
    }

    /// The `id` in the path as a contract id; anything else is a page that does not exist.
    func contractId(_ context: WebContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
            throw HTTPError(.notFound, message: "There is no such contract.")
        }
        return id
    }
}
