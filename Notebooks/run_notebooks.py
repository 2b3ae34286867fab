"""Executes every notebook in this folder headlessly (nbclient) and fails on the first error.

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
        print(f"notebook {path.name}: ran {len(notebook.cells)} cells")
    except Exception as error:  # nbclient raises CellExecutionError with the cell's traceback
        print(f"notebook {path.name}: FAILED\n{error}", file=sys.stderr)
        failed.append(path.name)
print(f"notebooks: {len(notebooks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed or not notebooks else 0)
