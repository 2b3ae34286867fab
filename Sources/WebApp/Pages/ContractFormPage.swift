import Catalogue
import Core
import Reports
import Toolkit

/// The new (or edit) contract form: each field labelled, with a hint and, after a failed save, its error beside
/// it; a CPV search that keeps what was typed; the delivery wards as a list of boxes, and on the map.
enum ContractFormPage {
    /// Each field's label, as the form shows it and its error summary names it.
    static let labels: [String: String] = [
        "workforce.fte": "Workforce (FTE)",
        "workforce.hoursPerWeek": "Hours a week each worker works on the contract",
        "workforce.consecutiveWeeks": "Consecutive weeks worked",
        "title": "Title",
        "description": "Description",
        "category": "Category",
        "value": "Total value (£)",
        "durationMonths": "Duration (months)",
        "framework": "Measures framework",
        "socialValueWeighting": "Social value weighting (%)",
        "supplierFee": "The supplier's own fee or margin (£)",
        "passThroughShare": "Share of the value passed through (%)",
        "quantities": "What the contract handles",
        "cpv": "CPV codes",
        "workforce.aged18Plus": "Are the workers aged 18 or over?",
        "workforce.contracted": "Are they the supplier's employees (contracted)?",
        "workforce.onCouncilPremises": "Do they work on council premises?",
        "workforce.onCouncilProperty": "On council property?",
        "workforce.onCouncilLand": "On council land?",
        "areas": "Where the contract is delivered",
    ]

    /// The errors of a form that was not saved, each a link to its field; nothing for a form without errors.
    static func errorSummary(_ form: ContractForm) -> String {
        guard !form.errors.isEmpty else { return "" }
        return "<div class=\"warn\" role=\"alert\"><b>The contract was not saved.</b> "
            + (form.errors["form"].map { HTML.escape($0) } ?? "Correct the fields marked below:") + "<ul>"
            + form.errors.keys.filter { $0 != "form" }.sorted().map { name in
                "<li><a href=\"#\(id(name))\">\(HTML.escape(labels[name] ?? name)): "
                    + "\(HTML.escape(form.errors[name] ?? ""))</a></li>"
            }.joined() + "</ul></div>\n"
    }

    /// The workforce's fields: its size, hours and weeks, and the questions of the Real Living Wage test.
    static func workforce(_ form: ContractForm) -> String {
        var html = "<fieldset><legend>The workforce (for the Real Living Wage test and the targets)</legend>\n"
        html += text("workforce.fte", hint: "Leave empty to estimate it from the value.", form, number: true)
        html += text("workforce.hoursPerWeek", hint: "", form, number: true)
        html += text("workforce.consecutiveWeeks", hint: "", form, number: true)
        for name in ["aged18Plus", "contracted", "onCouncilPremises", "onCouncilProperty", "onCouncilLand"] {
            html += select("workforce." + name, options: [("", "Not known"), ("yes", "Yes"), ("no", "No")], form)
        }
        return html + "</fieldset>\n"
    }

    /// The form's page.
    /// - Parameters:
    ///   - action: where the form posts (`/contracts` or `/contracts/ID`).
    ///   - searchAction: where the CPV search posts the form, to show it again with the codes found.
    ///   - version: the contract's version being edited, sent back for the conflict check.
    ///   - search: words searched in the CPV vocabulary, with the codes found or why the search was refused.
    static func html(
        _ form: ContractForm, borough: Borough, context: WebContext, action: String, searchAction: String,
        version: Int?, search: CPVSearch?
    ) -> String {
        var html = "<h1>\(version == nil ? "New contract" : "Edit contract")</h1>\n" + errorSummary(form)
        html +=
            "<form class=\"stack\" method=\"post\" action=\"\(HTML.escape(action))\" novalidate>\n" + Page.csrf(context)
        if let version { html += "<input type=\"hidden\" name=\"version\" value=\"\(version)\">" }
        html += text("title", hint: "One line, as in the tender notice.", form)
        html += area(
            "description",
            hint: "What is bought, in a few sentences: its words inform which measures are relevant.", form)
        html += cpv(form, search: search, searchAction: searchAction)
        html += select("category", options: [("goods", "Goods"), ("services", "Services"), ("works", "Works")], form)
        html += text(
            "value", hint: "The whole contract's value, in figures, e.g. 1200000.", form,
            number: true)
        html += text("durationMonths", hint: "Including extensions you expect to use.", form, number: true)
        html += wards(form, borough: borough)
        html += select("framework", options: borough.catalogue.frameworks.map { ($0.id, $0.name) }, form)
        html += text(
            "socialValueWeighting", hint: "Leave empty for the policy's default.", form,
            number: true)
        html += text(
            "supplierFee",
            hint: "Where most of the money passes through the supplier (agency pay, a unitary charge, grants passed "
                + "on, energy): targets are then sized on what the supplier controls.", form, number: true)
        html += text(
            "passThroughShare",
            hint: "Instead of the fee: the share the supplier passes on without control over it.", form, number: true)
        html += text(
            "quantities",
            hint: "Optional, e.g. devicesCollected 1200, tonnesRemoved 650: targets for reuse, recycling and waste are "
                + "sized on them. Names: " + borough.catalogue.taxonomy.quantities.map(\.id).joined(separator: ", ")
                + ".", form)
        html += workforce(form)
        html +=
            "<p><button type=\"submit\">"
            + (version == nil ? "Save and recommend" : "Save and recommend again") + "</button></p>\n</form>\n"
        return html
    }

    static func id(_ name: String) -> String { "f-" + name.replacingOccurrences(of: ".", with: "-") }

    static func error(_ name: String, _ form: ContractForm) -> (wrapper: String, message: String, described: String) {
        guard let problem = form.errors[name] else { return ("", "", "") }
        return (
            " has-error", "<p class=\"field-error\" id=\"\(id(name))-error\">\(HTML.escape(problem))</p>",
            " aria-invalid=\"true\" aria-describedby=\"\(id(name))-error\""
        )
    }

    static func text(_ name: String, hint: String, _ form: ContractForm, number: Bool = false) -> String {
        let (e, label) = (error(name, form), labels[name] ?? name)
        return "<div class=\"field\(e.wrapper)\"><label for=\"\(id(name))\">\(HTML.escape(label))"
            + (hint.isEmpty ? "" : "<span class=\"hint\">\(HTML.escape(hint))</span>") + "</label>\(e.message)"
            + "<input type=\"text\"\(number ? " inputmode=\"decimal\"" : "") id=\"\(id(name))\" name=\"\(name)\" "
            + "value=\"\(HTML.escape(form.values[name, default: ""]))\"\(e.described)></div>\n"
    }

    static func area(_ name: String, hint: String, _ form: ContractForm) -> String {
        let (e, label) = (error(name, form), labels[name] ?? name)
        return
            "<div class=\"field\(e.wrapper)\"><label for=\"\(id(name))\">\(HTML.escape(label))<span "
            + "class=\"hint\">\(HTML.escape(hint))</span></label>"
            + "\(e.message)<textarea id=\"\(id(name))\" "
            + "name=\"\(name)\"\(e.described)>\(HTML.escape(form.values[name, default: ""]))</textarea></div>\n"
    }

    static func select(_ name: String, options: [(String, String)], _ form: ContractForm) -> String {
        let (e, label) = (error(name, form), labels[name] ?? name)
        let chosen = form.values[name, default: ""]
        return "<div class=\"field\(e.wrapper)\"><label for=\"\(id(name))\">\(HTML.escape(label))</label>\(e.message)"
            + "<select id=\"\(id(name))\" name=\"\(name)\"\(e.described)>"
            + options.map {
                "<option value=\"\(HTML.escape($0.0))\"\($0.0 == chosen ? " selected" : "")>"
                    + "\(HTML.escape($0.1))</option>"
            }.joined()
            + "</select></div>\n"
    }

    /// The CPV codes field, a search box that posts the whole form back to be shown again (so nothing typed is
    /// lost, and the form's token never goes into an address), and the codes found, to tick; a search refused has
    /// its problem beside the box.
    static func cpv(_ form: ContractForm, search: CPVSearch?, searchAction: String) -> String {
        var html = text("cpv", hint: "Codes such as 45233142-6, separated by commas; or search below and tick.", form)
        let e = searchError(search?.problem)
        html +=
            "<div class=\"field\(e.wrapper)\"><label for=\"f-cpvSearch\">\(CPVSearch.label)</label>\(e.message)"
            + "<input type=\"text\" id=\"f-cpvSearch\" name=\"cpvSearch\" "
            + "value=\"\(HTML.escape(search?.words ?? ""))\"\(e.described)> "
            + "<button class=\"secondary\" type=\"submit\" "
            + "formaction=\"\(HTML.escape(searchAction))\">Search</button></div>\n"
        guard let search, search.problem == nil else { return html }
        if search.codes.isEmpty {
            return html + "<p>No CPV code matches \(ToolkitError.quotedHTML(search.words)).</p>\n"
        }
        html += "<fieldset><legend>CPV codes matching \(ToolkitError.quotedHTML(search.words)): tick to add</legend>"
        for code in search.codes {
            let ticked = form.pickedCPV.contains(code.full) ? " checked" : ""
            html +=
                "<label><input type=\"checkbox\" name=\"cpvPick\" value=\"\(HTML.escape(code.full))\"\(ticked)> "
                + "\(HTML.escape(code.full)) \(HTML.escape(code.description))</label>"
        }
        return html + "</fieldset>\n"
    }

    /// A refused CPV search's problem beside its box, as ``error(_:_:)`` gives a field's.
    static func searchError(_ problem: String?) -> (wrapper: String, message: String, described: String) {
        guard let problem else { return ("", "", "") }
        return (
            " has-error", "<p class=\"field-error\" id=\"f-cpvSearch-error\">\(HTML.escape(problem))</p>",
            " aria-invalid=\"true\" aria-describedby=\"f-cpvSearch-error\""
        )
    }

    /// The delivery wards: the whole borough, or a box per ward; the map beside ticks the boxes (with scripts).
    static func wards(_ form: ContractForm, borough: Borough) -> String {
        let e = error("areas", form)
        var html =
            "<fieldset class=\"field\(e.wrapper)\" id=\"f-areas\"><legend>\(labels["areas"]!)</legend>\(e.message)"
        html +=
            "<label><input type=\"checkbox\" name=\"areas\" value=\"borough\" "
            + "id=\"ward-borough\"\(form.areas.contains("borough") ? " checked" : "")> "
            + "The whole of \(HTML.escape(borough.analysis.borough.name))</label>\n<div class=\"wards\">"
        let analysis = borough.analysis
        // A saved area ticks the ward it names as the command line reads it: by code, or a name only one ward has.
        let chosen = Set(form.areas.compactMap { analysis.ward(named: $0)?.code })
        for ward in analysis.wards.sorted(by: { $0.name < $1.name }) {
            let ticked = chosen.contains(ward.code) ? " checked" : ""
            html +=
                "<label><input type=\"checkbox\" name=\"areas\" value=\"\(HTML.escape(ward.code))\" "
                + "id=\"ward-\(HTML.escape(ward.code))\"\(ticked)> "
                + "\(HTML.escape(analysis.uniqueName(of: ward)))</label>"
        }
        html += "</div>"
        if let maps = borough.maps, maps.coversBorough {
            html +=
                "<div id=\"pick-map\" class=\"small-map\">"
                + maps.deliveryAreas().figure(id: "map-pick", link: { "/wards/\($0)" })
                + "<p class=\"hint\">Select a ward on the map to tick or untick it.</p></div>"
        }
        return html + "</fieldset>\n"
    }
}

extension ToolkitError {
    /// Text quoted for a message on a page: cut short and escaped.
    static func quotedHTML(_ text: String) -> String { HTML.escape(quoted(text)) }
}
