import ArgumentParser
import Catalogue
import Core
import Foundation
import Hummingbird
import Recommender
import Toolkit
import WebApp
import Workspace

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Open the commissioners' workspace: a local web app over the borough's evidence and a workspace file.",
        discussion: """
            Serves the borough overview (ward maps by need domain, top needs, equality gaps), ward profiles, a form \
            for new contracts, each contract's recommendation with your decisions (accept, drop or change a target, \
            with reasons), the tender pack (.docx, Markdown, HTML, CSV, .xlsx), a read-only supplier view, and offers \
            and quarterly returns uploaded for scoring and monitoring. Everything is kept in the workspace file \
            (SQLite), or in a PostgreSQL database that several servers share (--database, or SVTK_DATABASE); svtk \
            workspace export moves either as JSON.

            It listens on 127.0.0.1 (this machine only) unless --host says otherwise. A workspace without accounts is \
            open to anyone on this machine; once it has accounts (svtk users add), everyone signs in and sees what \
            their role allows, and only then may it listen beyond this machine. Stop it with Ctrl-C: requests in \
            progress finish first.

            Examples:
              svtk serve --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv \\
                  --workspace out/try-workspace.sqlite --port 0 --stop-after 0
            """)

    @OptionGroup var analysisOptions: AnalysisOptions
    @OptionGroup var equalityPlan: EqualityPlanOption
    @OptionGroup var boundariesOption: BoundariesOption

    @OptionGroup var workspace: WorkspaceOption

    @Option(
        help: ArgumentHelp(
            "The address to listen on: 127.0.0.1 (this machine only), or another once the workspace has accounts.",
            valueName: "address")
    )
    var host = "127.0.0.1"

    @Option(
        help: ArgumentHelp(
            "The address of a proxy in front of the server (nginx, with TLS): its X-Forwarded-Proto is believed and "
                + "its requests may name the public host; once per proxy. Needs accounts.", valueName: "address"))
    var trustedProxy: [String] = []

    @Option(help: ArgumentHelp("The port to listen on (0: any free port, printed at start).", valueName: "number"))
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Stop after this many seconds (for scripted checks; the default runs until Ctrl-C).", valueName: "seconds"))
    var stopAfter: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
        if let stopAfter, stopAfter < 0 { throw ValidationError("--stop-after must be 0 or more seconds") }
        for proxy in trustedProxy where !Self.isIPAddress(proxy) {
            throw ValidationError("--trusted-proxy must be an IP address, as the proxy connects from, not \(proxy)")
        }
    }

    func run() async throws {
        let server = try await server()
        let (host, stopAfter) = (self.host, self.stopAfter)
        try await server.serve(
            host: host, port: port, trustedProxies: Set(trustedProxy), requestLog: !analysisOptions.input.quiet
        ) { port in
            printError("svtk workspace on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops it)")
            if let stopAfter { Self.stop(after: stopAfter) }
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address, as a connection's peer is named.
    static func isIPAddress(_ text: String) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, text, &bytes) == 1 || inet_pton(AF_INET6, text, &bytes) == 1
    }

    /// Stops the server after a time as Ctrl-C would: by the interrupt signal, on which it finishes the requests
    /// in progress and shuts down cleanly.
    static func stop(after seconds: Int) {
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            kill(getpid(), SIGINT)
        }
    }

    /// The server over the loaded evidence and the opened workspace.
    /// - Throws: `ToolkitError` for evidence, an action plan, boundaries or a workspace that cannot be read.
    private func server() async throws -> WorkspaceServer {
        let opened = try await workspace.open()
        let beyond = !WorkspaceServer.loopbackNames.contains(host)
        if beyond || !trustedProxy.isEmpty, !(try await opened.hasAccounts()) {
            throw ToolkitError(
                setting: beyond ? "host" : "trusted-proxy",
                (beyond ? "listening on \(host)" : "serving through a proxy")
                    + " lets anyone who can reach this machine in, and the workspace has no accounts: add an "
                    + "administrator first (svtk users add NAME --role administrator), or keep to 127.0.0.1")
        }
        let borough = try analysisOptions.borough(
            try analysisOptions.catalogueOptions.load(), actionPlan: equalityPlan.eaap,
            boundaries: boundariesOption.boundaries)
        return try await WorkspaceServer(borough: borough, workspace: opened)
    }
}
