"""svtk beside the raw C loop and the analysts' other tools, on the perf files of `make benchmark` (issue 28).

For each file (the generated census-style and Fingertips-style files csv-benchmark writes), the fastest of five runs
of each, taken in interleaved rounds (one run of each per round) so that every tool's runs are spread over the same
minutes (the machine's pace drifts by up to half between minutes): the raw libcsv + strtod loop (csv-benchmark's stage
(a)), `svtk inspect` (every figure parsed, checked and normalised, nothing written), `svtk load --format csv` (the
same, written out as normalised rows to /dev/null), DuckDB's CREATE TABLE from read_csv, polars' read_csv and pandas'
read_csv, each peer in a process of its own and timed around the read alone (its import left out). Prints seconds
and each one's pace as a ratio to the C loop's (above 1 is faster than it). A peer not installed
(Benchmarks/peers-requirements.txt) is skipped with a message.

Then `svtk load` beside DuckDB and polars doing its job (Benchmarks/peer_jobs.py: the same file read, its figures put
in svtk's normalised rows and written as CSV to /dev/null), fastest of three interleaved rounds, with how many times
faster svtk is.

Usage: python3 Benchmarks/peers.py [folder of the perf files] [.build/release]
"""
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import peer_jobs

FOLDER = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "svtk-benchmark"
BUILD = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / ".build" / "release"
FILES = ["census_wide_230k.csv", "fingertips_1m.csv"]
PEERS = {
    "DuckDB create table": ("duckdb", "import duckdb; c = duckdb.connect()",
                            "c.execute(f\"CREATE TABLE t AS SELECT * FROM read_csv('{path}')\")"),
    "polars read_csv": ("polars", "import polars", "polars.read_csv(path)"),
    "pandas read_csv": ("pandas", "import pandas", "pandas.read_csv(path)"),
}


def best_of_rounds(rounds, timers):
    """The fewest seconds of each of `timers` in `rounds` rounds, each round running every timer once, in order."""
    best = [float("inf")] * len(timers)
    for _ in range(rounds):
        best = [min(b, timed()) for b, timed in zip(best, timers)]
    return best


def wall(arguments):
    """Seconds a command takes, its output thrown away."""
    started = time.perf_counter()
    subprocess.run(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def c_loop(path):
    output = subprocess.run([str(BUILD / "csv-benchmark"), "--stage", "c-loop", str(path)], capture_output=True,
                            text=True, check=True).stdout
    return float(output.split()[0])


def peer(setup, read, path):
    """A peer's read of `path` in a process of its own, timed inside it around the read alone."""
    code = (f"{setup}\nimport time\npath = {str(path)!r}\nstarted = time.perf_counter()\n{read}\n"
            "print(time.perf_counter() - started)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def peer_job(peer_name, path):
    """A peer doing `svtk load`'s job on `path` (peer_jobs.JOBS), in a process of its own, timed around the job."""
    setup = (f"import sys\nsys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\nimport peer_jobs\n"
             f"job = peer_jobs.JOBS[{peer_name!r}][{path.name!r}]\nimport {peer_name.lower()}")
    return peer(setup, "job(path, '/dev/null')", path)


def load_jobs(svtk):
    """Prints `svtk load --format csv` beside each installed peer doing its job, fastest of three rounds each."""
    peers = [name for name in peer_jobs.JOBS if importlib.util.find_spec(name.lower())]
    if not peers:
        return
    print("\n`svtk load --format csv` beside the peers doing its job (read, normalise, write CSV to /dev/null):")
    print("seconds, fastest of 3 interleaved rounds (in brackets: how many times faster svtk is)")
    print(f"  {'file':<24}{'svtk load':>11}" + "".join(f"{p:>22}" for p in peers))
    for name in FILES:
        path = FOLDER / name
        mine, *theirs = best_of_rounds(
            3, [lambda: wall([svtk, "load", str(path), "--format", "csv", "--quiet"])]
            + [lambda p=p: peer_job(p, path) for p in peers])
        print(f"  {name:<24}{mine:>9.2f} s" + "".join(f"{f'{t:.2f} s ({t / mine:.2f}x)':>22}" for t in theirs))


def main():
    svtk = str(BUILD / "svtk")
    missing = [f for f in FILES if not (FOLDER / f).exists()]
    if missing:
        print(f"peers: {', '.join(missing)} not in {FOLDER} (csv-benchmark writes them); skipped")
        return 0
    installed = {label: spec for label, spec in PEERS.items() if importlib.util.find_spec(spec[0])}
    for label in PEERS.keys() - installed.keys():
        print(f"peers: {PEERS[label][0]} is not installed (pip install -r Benchmarks/peers-requirements.txt); "
              f"{label} skipped")
    columns = ["svtk inspect", "svtk load --format csv", *installed]
    print("seconds, fastest of 5 interleaved rounds (ratio: the C loop's time ÷ this one's; above 1 is faster)")
    print(f"  {'file':<24}{'C loop':>9}" + "".join(f"{c:>26}" for c in columns))
    for name in FILES:
        path = FOLDER / name
        base, *times = best_of_rounds(
            5, [lambda: c_loop(path), lambda: wall([svtk, "inspect", str(path), "--quiet"]),
                lambda: wall([svtk, "load", str(path), "--format", "csv", "--quiet"])]
            + [lambda setup=setup, read=read: peer(setup, read, path) for _, setup, read in installed.values()])
        cells = "".join(f"{f'{t:.2f} s ({base / t:.2f}x)':>26}" for t in times)
        print(f"  {name:<24}{base:>7.2f} s" + cells)
    load_jobs(svtk)
    return 0


if __name__ == "__main__":
    sys.exit(main())
