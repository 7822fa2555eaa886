"""Print the project's dependencies from pyproject.toml, one per line.

The project itself is not installed into the virtualenv (it runs from its folder), so
several checkouts can share one environment; `make` installs only what this prints.

    python scripts/requirements.py [extra ...]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in sys.argv[1:]:
    requirements += project.get("optional-dependencies", {}).get(extra, [])
print("\n".join(requirements))
