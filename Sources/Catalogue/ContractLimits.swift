import Core

/// The bounds a contract profile must keep (`policy/contract_limits.csv`): beyond them a figure is a typing
/// error, and a text too long to be what the field means (and too slow to read for relevance).
public struct ContractLimits: Sendable {
    /// A contract value must be under this (£).
    public let valueBelow: Double
    /// A contract value must be at least this (£).
    public let valueSmallest: Double
    /// A contract's duration is at least this many months.
    public let durationMonthsSmallest: Double
    /// A contract's duration is at most this many months.
    public let durationMonthsMaximum: Double
    /// A workforce must be under this (FTE).
    public let fteBelow: Double
    /// A contract description is at most this many characters.
    public let descriptionCharactersMaximum: Int
    /// A contract title is at most this many characters.
    public let titleCharactersMaximum: Int
    /// A contract has at most this many delivery areas.
    public let areasMaximum: Int
    /// A contract has at most this many CPV codes.
    public let cpvMaximum: Int
    /// A commissioner's reason for a decision on a measure is at most this long.
    public let reasonCharactersMaximum: Int
    /// An offered, committed or delivered quantity must be under this.
    public let quantityBelow: Double
    /// A quantity above 0 must be at least this.
    let quantitySmallest: Double

    /// Reads `contract_limits.csv` of a policy folder.
    /// - Throws: `ToolkitError` at a row whose value is not a positive number, or naming a missing parameter.
    public init(folder: String) throws {
        let table = try ParameterTable(path: folder + "/contract_limits.csv") { name, value in
            value > 0 ? nil : "\(name) must be above 0, not \(value)"
        }
        func value(_ name: String) throws -> Double { try table.value(name) }
        func count(_ name: String) throws -> Int {
            let v = try value(name)
            guard v < 1e9, v == v.rounded() else {
                throw ToolkitError(file: table.path, "\(name) must be a whole number under a billion")
            }
            return Int(v)
        }
        valueBelow = try value("value_below")
        valueSmallest = try value("value_smallest")
        durationMonthsSmallest = try value("duration_months_smallest")
        durationMonthsMaximum = try value("duration_months_maximum")
        fteBelow = try value("fte_below")
        descriptionCharactersMaximum = try count("description_characters_maximum")
        titleCharactersMaximum = try count("title_characters_maximum")
        areasMaximum = try count("areas_maximum")
        cpvMaximum = try count("cpv_maximum")
        reasonCharactersMaximum = try count("reason_characters_maximum")
        quantityBelow = try value("quantity_below")
        quantitySmallest = try value("quantity_smallest")
    }

    /// Why a quantity (offered, committed or delivered) cannot be monitored, or `nil` when it can: it must be
    /// finite, 0 or at least ``quantitySmallest``, and under ``quantityBelow``.
    public func problem(withQuantity quantity: Double) -> String? {
        guard quantity.isFinite, quantity >= 0, quantity < quantityBelow, quantity == 0 || quantity >= quantitySmallest
        else {
            return "a quantity is 0, or from \(quantitySmallest) to under \(Int64(quantityBelow)) "
                + "(policy/contract_limits.csv)"
        }
        return nil
    }
}

/// The bounds `svtk serve` keeps on what a browser sends (`policy/workspace_limits.csv`).
public struct WorkspaceLimits: Sendable {
    /// A request's body (a form or an upload) is at most this many bytes.
    public let requestBodyBytesMaximum: Int
    /// A form has at most this many fields.
    public let formFieldsMaximum: Int
    /// The server keeps at most this many connections open (fewer where the open-file limit is lower).
    public let connectionsMaximum: Int
    /// Open files kept free of connections for the database and the runtime.
    public let connectionsReservedFiles: Int
    /// The wait a 503 asks for, in seconds.
    public let retryAfterSeconds: Int
    /// How long requests in progress get to finish when the server is stopped, in seconds.
    public let shutdownGraceSeconds: Int
    /// An uploaded file has at most this many rows.
    public let uploadRowsMaximum: Int
    /// A cell of an uploaded file has at most this many characters.
    public let uploadFieldCharactersMaximum: Int
    /// The offers page shows the commitments of at most this many suppliers at a time.
    public let pageSuppliersMaximum: Int
    /// A sign-in lasts at most this many hours.
    public let sessionHoursMaximum: Int
    /// A sign-in unused for this many minutes ends.
    public let sessionIdleMinutesMaximum: Int
    /// Wrong passwords for one name in the window beyond which attempts for it are refused.
    public let signInFailuresMaximum: Int
    /// The window in which wrong passwords are counted, in minutes.
    public let signInWindowMinutes: Int
    /// A password has at least this many characters.
    public let passwordCharactersMinimum: Int
    /// bcrypt's cost (log2 of its rounds) for new passwords.
    public let passwordHashCost: Int
    /// An evidence file is at most this many bytes.
    public let evidenceFileBytesMaximum: Int
    /// A quarter's return is due this many days after the quarter ends.
    public let returnDueDays: Int
    /// A supplier's written response to a tender has at most this many characters.
    public let offerStatementCharactersMaximum: Int
    /// A search of the CPV vocabulary has at most this many characters.
    public let cpvSearchCharactersMaximum: Int
    /// A search of the CPV vocabulary has at most this many words.
    public let cpvSearchWordsMaximum: Int
    /// A tender's deadline is at most this many days after it is published.
    public let tenderOpenDaysMaximum: Int
    /// A connection on which nothing arrives for this many seconds is closed.
    public let connectionIdleSeconds: Int
    /// A request's body arrives whole within this many seconds of its headers, or the request fails and its
    /// connection is closed (a variable, so that a test can shorten it).
    public var requestBodySecondsMaximum: Int
    /// A connection whose request was answered before its body was read is closed this many seconds after the
    /// answer (a variable, so that a test can shorten it).
    public var answeredRequestLingerSeconds: Int

    /// Reads `workspace_limits.csv` of a policy folder.
    /// - Throws: `ToolkitError` at a row whose value is not a positive whole number, or naming a missing parameter,
    ///   a bcrypt cost out of its range, or a connection's or a body's time longer than a day.
    public init(folder: String) throws {
        let table = try ParameterTable(path: folder + "/workspace_limits.csv") { name, value in
            value > 0 && value < 1e12 && value == value.rounded()
                ? nil : "\(name) must be a whole number above 0, not \(value)"
        }
        requestBodyBytesMaximum = Int(try table.value("request_body_bytes_maximum"))
        formFieldsMaximum = Int(try table.value("form_fields_maximum"))
        connectionsMaximum = Int(try table.value("connections_maximum"))
        connectionsReservedFiles = Int(try table.value("connections_reserved_files"))
        retryAfterSeconds = Int(try table.value("retry_after_seconds"))
        shutdownGraceSeconds = Int(try table.value("shutdown_grace_seconds"))
        uploadRowsMaximum = Int(try table.value("upload_rows_maximum"))
        uploadFieldCharactersMaximum = Int(try table.value("upload_field_characters_maximum"))
        pageSuppliersMaximum = Int(try table.value("page_suppliers_maximum"))
        sessionHoursMaximum = Int(try table.value("session_hours_maximum"))
        sessionIdleMinutesMaximum = Int(try table.value("session_idle_minutes_maximum"))
        signInFailuresMaximum = Int(try table.value("sign_in_failures_maximum"))
        signInWindowMinutes = Int(try table.value("sign_in_window_minutes"))
        passwordCharactersMinimum = Int(try table.value("password_characters_minimum"))
        passwordHashCost = Int(try table.value("password_hash_cost"))
        evidenceFileBytesMaximum = Int(try table.value("evidence_file_bytes_maximum"))
        returnDueDays = Int(try table.value("return_due_days"))
        offerStatementCharactersMaximum = Int(try table.value("offer_statement_characters_maximum"))
        cpvSearchCharactersMaximum = Int(try table.value("cpv_search_characters_maximum"))
        cpvSearchWordsMaximum = Int(try table.value("cpv_search_words_maximum"))
        tenderOpenDaysMaximum = Int(try table.value("tender_open_days_maximum"))
        func seconds(_ name: String) throws -> Int {
            let found = Int(try table.value(name))
            guard found <= 86_400 else { throw ToolkitError(file: table.path, "\(name) must be at most 86400 (a day)") }
            return found
        }
        connectionIdleSeconds = try seconds("connection_idle_seconds")
        requestBodySecondsMaximum = try seconds("request_body_seconds_maximum")
        answeredRequestLingerSeconds = try seconds("answered_request_linger_seconds")
        guard (4...31).contains(passwordHashCost) else {
            throw ToolkitError(file: table.path, "password_hash_cost must be from 4 to 31 (bcrypt's range)")
        }
    }
}
