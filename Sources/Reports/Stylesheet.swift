/// The one style sheet of the reports and the workspace, in one place: the reports' rules, which every workspace
/// page uses too, and the workspace's additions. Pages inline it (no external files), so a report opens offline.
public enum Stylesheet {
    /// Reports' rules: typography, tables, facts, measures, maps and print rules.
    public static let reports = """
        :root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #0b5394; --worse: #b35806; --better: \
        #2166ac; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", \
        sans-serif;
               color: var(--ink); line-height: 1.45; background: #fff; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 8px; }
        h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
        h2 { font-size: 1.25rem; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 1.05rem; margin: 20px 0 6px; }
        p.lead { color: var(--muted); margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
        td, th[scope=row] { overflow-wrap: anywhere; }
        thead th { border-bottom: 2px solid var(--ink); background: #f4f6f9; }
        th[scope=row] { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 8px 16px; margin: \
        12px 0; }
        .fact { border-left: 4px solid var(--accent); padding: 4px 10px; background: #f7f9fc; }
        .fact b { display: block; font-size: 1.15rem; }
        .fact span { color: var(--muted); font-size: 0.85rem; }
        .measure { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; margin: 12px 0; \
        break-inside: avoid; }
        .measure h3 { margin-top: 0; }
        .tag { display: inline-block; font-size: 0.75rem; padding: 1px 7px; border-radius: 10px; background: #e8eef7; \
        color: var(--accent); margin-left: 6px; }
        .tag.strong { background: var(--accent); color: #fff; }
        .working { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.82rem; color: #333; }
        ul.evidence { margin: 4px 0; padding-left: 20px; }
        .warn { border-left: 4px solid var(--worse); background: #fdf3ea; padding: 6px 10px; }
        figure { margin: 12px 0 20px; }
        figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
        svg text { font-family: inherit; }
        footer { max-width: 1080px; margin: 24px auto; padding: 8px 28px; color: var(--muted); font-size: 0.8rem; \
        border-top: 1px solid var(--rule); }
        p.provenance { color: var(--muted); font-size: 0.8rem; margin: 0 0 8px; }
        nav.contents ol { columns: 2; margin: 4px 0 8px; }
        nav.contents h2 { border: none; margin-top: 16px; }
        .answer { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
        .answer table { margin-top: 0; }
        .small-map svg { max-width: 380px !important; }
        .maps { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 8px 24px; }
        svg.map path:hover { opacity: 0.8; }
        @media (max-width: 800px) { .answer { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 15mm 14mm 16mm; }
        @media print { main { padding: 0; max-width: none; } body { font-size: 10pt; }
                       h2, h3 { break-after: avoid; } .measure, figure, table, tr, .fact { break-inside: avoid; }
                       section { break-before: auto; }
                       #measures, #needs, #rules, #excluded, #method { break-before: page; }
                       nav.contents { display: none; } a { color: inherit; text-decoration: none; }
                       .answer { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
                       footer { position: running(footer); } }
        """

    /// The workspace's additions: its header, forms, buttons, decisions, comparisons and RAG colours.
    public static let workspace = """
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: \
        6px; z-index: 9; }
        header.site { background: var(--accent); color: #fff; padding: 10px 28px; display: flex; gap: 24px; \
        flex-wrap: wrap; align-items: baseline; }
        header.site nav a { color: #fff; margin-right: 16px; }
        header.site .who { margin-right: 16px; } header.site form.sign-out { display: inline; }
        header.site form.sign-out button { padding: 2px 10px; }
        input[type=password] { font: inherit; padding: 5px 7px; border: 2px solid #555; border-radius: 3px; \
        width: 100%; max-width: 420px; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, svg a:focus path { outline: 3px solid \
        #ffbf47; outline-offset: 1px; }
        form.stack label { display: block; font-weight: 600; margin-top: 14px; }
        form.stack .hint { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
        input[type=text], input[type=number], textarea, select { font: inherit; padding: 5px 7px; border: 2px solid \
        #555; border-radius: 3px; width: 100%; max-width: 640px; }
        input[type=number] { max-width: 220px; }
        textarea { min-height: 90px; }
        .field-error { color: #b10e1e; font-weight: 600; margin: 4px 0; }
        .has-error input, .has-error textarea, .has-error select { border-color: #b10e1e; }
        button, .button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 3px; \
        padding: 7px 14px; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #eef2f7; color: var(--accent); border: 1px solid \
        var(--accent); }
        fieldset { border: 1px solid var(--rule); border-radius: 4px; margin: 14px 0; max-width: 760px; }
        .wards { columns: 3; } .wards label { font-weight: 400; margin: 2px 0; }
        .measure-block .measure { margin-bottom: 0; border-radius: 6px 6px 0 0; }
        .decision { background: #f7f9fc; border: 1px solid var(--rule); border-top: 0; border-radius: 0 0 6px 6px; \
        margin: 0 0 16px; padding: 4px 14px 10px; }
        .decision fieldset { border: 0; padding: 0; margin: 4px 0; }
        .decision legend { font-weight: 600; padding: 0; }
        .decision label { display: inline-block; margin: 4px 16px 4px 0; }
        .decision textarea { min-height: 48px; }
        .decided { font-weight: 600; }
        .flash { border-left: 4px solid #00703c; background: #eef7f1; padding: 6px 10px; }
        .compare { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .rag-green { color: #00703c; } .rag-amber { color: #b35806; } .rag-red { color: #b10e1e; }
        .rag-green, .rag-amber, .rag-red { font-weight: 700; white-space: nowrap; }
        """
}
