"""List or fill untranslated Chinese strings.

python scripts/po_todo.py                 # print every untranslated/fuzzy msgid (all catalogues)
python scripts/po_todo.py FILE < pairs    # set translations: lines "msgid<TAB>msgstr"
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def catalogues() -> list[Path]:
    return sorted(p for p in ROOT.glob("**/locale/zh_Hant/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def load(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, locale="zh_Hant")


def todo() -> None:
    for path in catalogues():
        for message in load(path):
            if message.id and (message.fuzzy or not (all(message.string) if message.pluralizable else message.string)):
                print(f"{path.relative_to(ROOT)}\t{message.id!r}")


def fill(path: Path, pairs: dict[str, str]) -> None:
    catalog = load(path)
    for message in catalog:
        key = message.id[0] if message.pluralizable else message.id
        if key in pairs:
            value = pairs[key]
            message.string = (value,) if message.pluralizable else value
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)


if __name__ == "__main__":
    if len(sys.argv) == 1:
        todo()
    else:
        lines = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if "\t" in line]
        fill(Path(sys.argv[1]), {k.replace("\\n", "\n"): v.replace("\\n", "\n") for k, v in lines})
