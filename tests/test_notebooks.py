"""Execute the notebooks so that they never rot (nbclient, the venv's own kernel)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path: Path, tmp_path: Path):
    nb = nbformat.read(path, as_version=4)
    # run on this interpreter, whatever kernels are registered on the machine
    from ipykernel.kernelspec import install

    kernels = tmp_path / "share"
    install(prefix=str(kernels), kernel_name="careertext-test")
    os.environ["JUPYTER_PATH"] = str(kernels / "share" / "jupyter")
    client = NotebookClient(nb, timeout=600, kernel_name="careertext-test",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors and sys.executable
