#!/usr/bin/env python3
"""Writes the hostile-input cases that are too large to commit or need exact bytes (UTF-16, NUL,
Windows-1252, gzip, CRLF) into the folder given as the first argument. Standard library only; the same
repository gives byte-identical output on every run.

    python3 make_corpus.py /tmp/generated

The cases in cases.json refer to these files as {generated}/NAME.
"""
import csv
import gzip
import io
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DATASETS = HERE.parents[2] / "Datasets"
MB = 1024 * 1024


def rows_of(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def render(rows, eol="\n", delimiter=","):
    out = []
    for row in rows:
        fields = []
        for f in row:
            if any(c in f for c in (delimiter, '"', "\n", "\r")):
                fields.append('"' + f.replace('"', '""') + '"')
            else:
                fields.append(f)
        out.append(delimiter.join(fields))
    return eol.join(out) + eol


def janitor(name):
    """A column name as R's janitor::clean_names() writes it: % as percent, camelCase split, snake_case."""
    name = name.replace("%", "_percent_").replace("#", "_number_")
    name = re.sub(r"([a-z])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def fingertips_rows():
    # header; lines 2-7: indicators 91141 and 91137; lines 8-10: 92315 (with confidence intervals)
    return rows_of((CORPUS / "data/fingertips_base.csv").read_text(encoding="utf-8"))


def census_rows():
    # header; lines 2-6: five Rotherham LSOAs of Census 2021 TS045 (cars or vans)
    return rows_of((CORPUS / "data/census_base.csv").read_text(encoding="utf-8"))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    ft = fingertips_rows()
    census = census_rows()

    # --- headers
    files["blank_lines_only.csv"] = b"\n\r\n   \n\t\n\n"
    files["header_300kb.csv"] = (("x" * (300 * 1024)) + "\n1\n2\n").encode()
    parts = 4996
    header = ["date", "geography", "geography code", "Thing: Total"] + [f"Thing: Part {i}" for i in range(1, parts + 1)]
    assert len(header) == 5000
    rows = [header]
    for n, (code, name) in enumerate([("E01007657", "Rotherham 029A"), ("E01007658", "Rotherham 032A"),
                                      ("E01007659", "Rotherham 029B")]):
        values = [1] * parts
        values[-1] = 77777 if n == 0 else 5
        rows.append(["2021", name, code, str(sum(values))] + [str(v) for v in values])
    files["census_5000_columns.csv"] = render(rows).encode()
    files["ft_bom_crlf.csv"] = ("\ufeff" + render(ft, eol="\r\n")).encode("utf-8")

    # --- rows
    r = [list(x) for x in ft]
    r[3][12] = "10.08\x0026082976812"
    files["ft_nul_value.csv"] = render(r).encode()
    r = [list(x) for x in ft]
    r[3][5] = "Rother\x00ham"
    files["ft_nul_name.csv"] = render(r).encode()
    r = [list(x) for x in ft]
    extra = list(r[3])
    extra[0] = "99999"
    extra[1] = ("Very long indicator name " * (MB // 25 + 1))[:MB]
    extra[12] = "77.5"
    r.append(extra)
    files["ft_long_name_1mb.csv"] = render(r).encode()
    r = [list(x) for x in ft]
    r[3][12] = "1" * MB
    files["ft_long_value_1mb.csv"] = render(r).encode()
    rng = random.Random(20240601)
    files["garbage.csv"] = bytes(rng.randrange(256) for _ in range(4096))
    files["census_gzip.csv"] = gzip.compress(render(census).encode(), mtime=0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, body in (("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
                           ("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
                           ("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet/>')):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, body)
    files["census_workbook.xlsx"] = buffer.getvalue()

    # --- encodings
    text = render(ft)
    files["ft_utf16le.csv"] = b"\xff\xfe" + text.encode("utf-16-le")
    files["ft_utf16be.csv"] = b"\xfe\xff" + text.encode("utf-16-be")
    files["census_utf16le_tabs.txt"] = b"\xff\xfe" + render(census, eol="\r\n", delimiter="\t").encode("utf-16-le")
    r = [list(x) for x in ft]
    for i in (1, 2, 3):                      # lines 2-4: indicator 91141
        r[i][1] = r[i][1].replace("aged 5-16", "aged 5\u201316")
    files["ft_cp1252.csv"] = render(r).encode("cp1252")
    mixed = [list(x) for x in ft]
    for i in (4, 5, 6):                      # lines 5-7: indicator 91137, written as UTF-8
        mixed[i][1] = mixed[i][1].replace("aged 5-16", "aged 5\u201316")
    head = render([list(x) for x in r[:4]]).encode("cp1252")
    tail = render(mixed[4:]).encode("utf-8")
    files["ft_mixed_1252_utf8.csv"] = head + tail
    r = [list(x) for x in census]
    r[1][1] = "Rotherham 029A Caf\u00e9"        # line 2: UTF-8
    r[4][1] = "Rotherham 029C Caf\u00e9"        # line 5: Windows-1252
    files["census_utf8_then_1252.csv"] = (render(r[:4]).encode("utf-8") + render(r[4:]).encode("cp1252"))
    files["census_crlf_footnotes.csv"] = (render(census, eol="\r\n") + "\r\n\r\nSource: ONS Census 2021, TS045\r\n"
                                          + "Note: figures are rounded\r\n\r\n").encode()

    eaap = rows_of((DATASETS / "demo/equality_action_plan_illustrative.csv").read_text(encoding="utf-8"))[:6]
    eaap[2][0] = "Offer respite to carers\u2019 families and flexible working in commissioned home care"
    files["eaap_cp1252_crlf.csv"] = render(eaap, eol="\r\n").encode("cp1252")

    # --- contracts
    highways = json.loads((DATASETS / "contracts/highways_resurfacing.json").read_text())
    depth = 10000
    files["contract_deep_arrays.json"] = ('{"title": "Deep", "description": "x", "cpv": ' + "[" * depth + "]" * depth
                                          + ', "category": "works", "value": 1000, "durationMonths": 12, "areas": ["borough"]}\n').encode()
    c = dict(highways)
    c["areas"] = ["Rotherham East"] * 5000
    files["contract_5000_areas.json"] = (json.dumps(c, indent=2) + "\n").encode()
    c = dict(highways)
    words = ("Resurfacing of carriageways and footways including kerb repairs road markings drainage gullies "
             "traffic management and removal of surplus materials using the contractor's plant and vehicles. ")
    c["description"] = (words * (2 * MB // len(words) + 1))[:2 * MB]
    files["contract_description_2mb.json"] = (json.dumps(c) + "\n").encode()

    # --- catalogue
    proxies = rows_of((DATASETS / "catalogues/proxies.csv").read_text(encoding="utf-8"))
    assert proxies[2][0] == "job_disabled_person"
    deep = 100000
    proxies[2][1] = "(" * deep + "gmca_v14_EE2.0_economic" + ")" * (deep - 1)   # line 3: one ')' short
    files["proxies_deep_parentheses.csv"] = render(proxies).encode()
    values = rows_of((DATASETS / "catalogues/open_values.csv").read_text(encoding="utf-8"))
    assert values[2][0] == "gmca_v14_EE1.0_economic"
    for label, v in (("nan", "nan"), ("inf", "inf"), ("negative", "-5")):
        r = [list(x) for x in values]
        r[2][2] = v                          # line 3, column 3 (value)
        files[f"open_values_{label}.csv"] = render(r).encode()
    for label, v in (("infinity", "Infinity"), ("nan_mixed_case", "NaN"), ("1e300", "1e300"), ("hex", "0x36DC"),
                     ("decimal_comma", "14044,5")):
        r = [list(x) for x in values]
        r[2][2] = v                          # line 3, column 3 (value): 14044
        files[f"open_values_{label}.csv"] = render(r).encode()
    r = [list(x) for x in values]
    assert r[0][8] == "notes"
    r[0][8] = "value"                        # line 1: a second column called value
    files["open_values_two_value_columns.csv"] = render(r).encode()
    frameworks = rows_of((DATASETS / "catalogues/frameworks.csv").read_text(encoding="utf-8"))
    files["frameworks_bom_crlf.csv"] = ("\ufeff" + render(frameworks, eol="\r\n")).encode()

    # --- headers by meaning: the demo IoD2019 File 2 and File 6 as R's janitor::clean_names() writes them
    for source, target in (("iod2019_domains_rotherham.csv", "iod2019_domains_janitor.csv"),
                           ("iod2019_population_rotherham.csv", "iod2019_population_janitor.csv")):
        r = rows_of((DATASETS / "demo" / source).read_text(encoding="utf-8"))
        r[0] = [janitor(h) for h in r[0]]
        files[target] = render(r).encode()

    # --- files: a data file whose name begins with a dash
    files["-leading-dash.csv"] = (CORPUS / "data/fingertips_base.csv").read_bytes()

    for name, data in sorted(files.items()):
        (out / name).write_bytes(data)
    # an existing folder, for --out cases
    (out / "existing_dir").mkdir(exist_ok=True)
    # symbolic links that point at themselves: opening them fails (ELOOP), even for root
    for name in ("loop.csv", "loop.json"):
        if not os.path.islink(out / name):
            os.symlink(name, out / name)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUTPUT_DIR")
    main(Path(sys.argv[1]))
