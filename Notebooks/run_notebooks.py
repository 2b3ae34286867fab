"""Executes every notebook in this folder headlessly (nbclient) and fails on an error, or on a chart cell (one
that calls plt.subplots) whose executed output holds no image.

Usage: SVTK=/path/to/svtk python3 Notebooks/run_notebooks.py
The notebooks are not rewritten: committed notebooks keep their outputs cleared.
"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

folder = pathlib.Path(__file__).resolve().parent
failed = []
notebooks = sorted(folder.glob("*.ipynb"))
for path in notebooks:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
        charts = [c for c in notebook.cells if c.cell_type == "code" and "plt.subplots" in c.source]
        blank = [i for i, c in enumerate(charts) if not any("image/png" in o.get("data", {}) for o in c.outputs)]
        if blank:
            raise RuntimeError(f"{len(blank)} of {len(charts)} chart cell(s) produced no image")
        print(f"notebook {path.name}: ran {len(notebook.cells)} cells, {len(charts)} chart(s) drawn")
    except Exception as error:  # nbclient raises CellExecutionError with the cell's traceback
        print(f"notebook {path.name}: FAILED\n{error}", file=sys.stderr)
        failed.append(path.name)
print(f"notebooks: {len(notebooks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed or not notebooks else 0)
