"""The pure domain (models/domain) imports nothing impure: no database, no web framework, no Prefect.

It is imported in a fresh interpreter where those packages cannot be found, so a stray import fails here and
not in a review; and no domain module reaches into the rest of `models` (tables, storage, recording).
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "models" / "domain"
IMPURE = ("sqlalchemy", "sqlmodel", "fastapi", "starlette", "prefect", "psycopg", "aiosqlite", "anyio", "httpx",
          "docx", "docxtpl", "alembic", "uvicorn")


def domain_modules() -> list[str]:
    return sorted(f"models.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__")


def test_the_domain_imports_with_every_impure_package_blocked() -> None:
    script = f"""
import importlib, importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {IMPURE!r}:
            raise ImportError(f"the pure domain imported {{name}}")
        return None

sys.meta_path.insert(0, Blocked())
for module in {domain_modules()!r}:
    importlib.import_module(module)
print(len({domain_modules()!r}))
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) >= 15  # every module was imported, not an empty list


def test_the_domain_reaches_no_other_room_of_models() -> None:
    outside = []
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            outside += [f"{path.name}: {n}" for n in names
                        if n.startswith("models") and not n.startswith("models.domain")]
    assert outside == []
