"""The job `svtk load --format csv` does, done by DuckDB and by polars, for Benchmarks/peers.py.

Each function reads one of csv-benchmark's perf files, puts its figures in the columns of svtk's normalised rows and
writes them as CSV with a header to `out` (/dev/null when timed), as `svtk load --format csv --quiet` does:
- the census-style file: each wide row gives the total's row, then a count row and a share row (% of the total, with
  the count and the total beside it) per band, 27.4 million rows in all from 230,000;
- the Fingertips-style export: one row per figure, its columns renamed and the area type named as svtk names it.

The peers do less than svtk: they check no code's shape, no repeated figure and no suppressed value, and they write
their own number formats (`156755.0` for svtk's `156755`). The rows, columns and values are the same (the census's in
another order), but for the peers writing the unit as the indicator's name gives it (svtk reads it through its units
table). Checked against `svtk load`: the rows' count, the first rows by eye, and every share of the census file's
first 2,000 areas (118,000, all equal: a share is the count ÷ the total × 100, in that order, as svtk computes it).
"""

COLUMNS = ["source", "indicator_id", "indicator_name", "unit", "polarity", "area_code", "area_name", "area_level",
           "period", "sex", "age", "category_type", "category", "value", "missing", "lower_ci_95", "upper_ci_95",
           "lower_ci_99_8", "upper_ci_99_8", "count", "denominator", "note"]


def quiet_duckdb():
    """A DuckDB connection that prints no progress bar (it would print one to a pipe as well)."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    return connection


def duckdb_census(path, out):
    """The census-style file in DuckDB: unpivoted, its three kinds of row as one query, copied out as CSV."""

    def row(indicator, name, unit, value, count, denominator, table):
        cells = [f"'{path}'", indicator, name, f"'{unit}'", "'unknown'", '"geography code"', "geography", "'LSOA'",
                 "date", "NULL", "NULL", "NULL", "NULL", value, "NULL", "NULL", "NULL", "NULL", "NULL", count,
                 denominator, "NULL"]
        return "SELECT " + ", ".join(f"{c} AS {n}" for c, n in zip(cells, COLUMNS)) + f" FROM {table}"

    total = 'CAST("Age: Total" AS DOUBLE)'
    quiet_duckdb().execute(f"""
        COPY (
          WITH wide AS (SELECT * FROM read_csv('{path}')),
          long AS (UNPIVOT wide ON COLUMNS(* EXCLUDE (date, geography, "geography code", "Age: Total"))
                   INTO NAME band VALUE n),
          bands AS (SELECT *, 'census2021:' || lower(replace(replace(band, ': ', ':'), ' ', '-')) AS id FROM long)
          {row("'census2021:age:total'", "'Age: Total'", "count", total, "NULL", "NULL", "wide")}
          UNION ALL {row("id", "band", "count", "CAST(n AS DOUBLE)", "NULL", total, "bands")}
          UNION ALL {row("id || ':percent'", "band || ' (% of total)'", "%", f"n / {total} * 100",
                         "CAST(n AS DOUBLE)", total, "bands")}
        ) TO '{out}' (FORMAT csv, HEADER)""")


def polars_census(path, out):
    """The census-style file in polars: unpivoted, its three kinds of row built as frames, concatenated, written."""
    import polars as pl

    wide = pl.read_csv(path)
    bands = wide.unpivot(index=["date", "geography", "geography code", "Age: Total"], variable_name="band",
                         value_name="n")
    bands = bands.with_columns(("census2021:" + pl.col("band").str.replace(": ", ":", literal=True)
                                .str.replace_all(" ", "-", literal=True).str.to_lowercase()).alias("id"))
    total = pl.col("Age: Total").cast(pl.Float64)
    nothing = pl.lit(None, dtype=pl.Float64)

    def rows(table, indicator, name, unit, value, count, denominator):
        text = {"source": pl.lit(path), "indicator_id": indicator, "indicator_name": name, "unit": pl.lit(unit),
                "polarity": pl.lit("unknown"), "area_code": pl.col("geography code"), "area_name": pl.col("geography"),
                "area_level": pl.lit("LSOA"), "period": pl.col("date").cast(pl.String)}
        numbers = {"value": value, "count": count, "denominator": denominator}
        return table.select([text[c].alias(c) if c in text else numbers[c].cast(pl.Float64).alias(c) if c in numbers
                             else pl.lit(None, dtype=pl.String).alias(c) for c in COLUMNS])

    pl.concat([
        rows(wide, pl.lit("census2021:age:total"), pl.lit("Age: Total"), "count", total, nothing, nothing),
        rows(bands, pl.col("id"), pl.col("band"), "count", pl.col("n"), nothing, total),
        rows(bands, pl.col("id") + ":percent", pl.col("band") + " (% of total)", "%", pl.col("n") / total * 100,
             pl.col("n"), total),
    ]).write_csv(out)


# svtk's normalised columns the Fingertips-style export's columns fill as they are (the rest svtk fills itself).
FINGERTIPS = {"indicator_id": "Indicator ID", "indicator_name": "Indicator Name", "area_code": "Area Code",
              "area_name": "Area Name", "period": "Time period", "sex": "Sex", "age": "Age",
              "category_type": "Category Type", "category": "Category", "value": "Value",
              "lower_ci_95": "Lower CI 95.0 limit", "upper_ci_95": "Upper CI 95.0 limit",
              "lower_ci_99_8": "Lower CI 99.8 limit", "upper_ci_99_8": "Upper CI 99.8 limit", "count": "Count",
              "denominator": "Denominator", "note": "Value note"}


def duckdb_fingertips(path, out):
    """The Fingertips-style export in DuckDB: one query selecting svtk's columns, copied out as CSV."""
    made = {"source": f"'{path}'", "unit": """regexp_extract("Indicator Name", ': (.*)$', 1)""",
            "polarity": "'unknown'", "area_level": """CASE "Area Type" WHEN 'UA' THEN 'local authority'
                                                      ELSE "Area Type" END""", "missing": "NULL"}
    cells = [made[c] if c in made else f'"{FINGERTIPS[c]}"' for c in COLUMNS]
    quiet_duckdb().execute(
        "COPY (SELECT " + ", ".join(f"{c} AS {n}" for c, n in zip(cells, COLUMNS))
        + f" FROM read_csv('{path}')) TO '{out}' (FORMAT csv, HEADER)")


def polars_fingertips(path, out):
    """The Fingertips-style export in polars: read, svtk's columns selected, written."""
    import polars as pl

    made = {"source": pl.lit(path), "unit": pl.col("Indicator Name").str.extract(": (.*)$", 1),
            "polarity": pl.lit("unknown"), "area_level": pl.col("Area Type").replace({"UA": "local authority"}),
            "missing": pl.lit(None, dtype=pl.String)}
    export = pl.read_csv(path, infer_schema_length=10_000)
    export.select([(made[c] if c in made else pl.col(FINGERTIPS[c])).alias(c) for c in COLUMNS]).write_csv(out)


# Each peer's job for each perf file.
JOBS = {
    "DuckDB": {"census_wide_230k.csv": duckdb_census, "fingertips_1m.csv": duckdb_fingertips},
    "polars": {"census_wide_230k.csv": polars_census, "fingertips_1m.csv": polars_fingertips},
}
