"""English is the source language of interface strings: fill every English catalogue's
empty msgstr with its msgid, so `locale/en` is complete and checked like Chinese."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def english_catalogues() -> list[Path]:
    return sorted(p for p in ROOT.glob("**/locale/en/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def fill(path: Path) -> int:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    changed = 0
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            if not all(message.string):
                message.string = (message.id[0], message.id[1])
                changed += 1
        elif not message.string:
            message.string = message.id
            changed += 1
        if message.fuzzy:
            message.flags.discard("fuzzy")
            message.string = message.id if not message.pluralizable else (message.id[0], message.id[1])
            changed += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return changed


if __name__ == "__main__":
    for catalogue in english_catalogues():
        print(f"{catalogue.relative_to(ROOT)}: {fill(catalogue)} filled")
