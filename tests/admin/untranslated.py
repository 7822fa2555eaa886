"""Find interface strings left in English on a page of the Chinese admin.

A string is "untranslated" when it is the msgid of a catalogue the site uses (Django, Wagtail,
allauth, ours) and gettext under zh-hant, with our LOCALE_PATHS in front, returns it unchanged.
A page fails when one of its visible text nodes is such a string (placeholders matched), or a raw
value (True, False, None). Content is not interface text: <textarea>, <code>, <script>, <style>
and anything marked lang="en" are skipped. This makes the check exact, not a guess about which
words look English, so it does not flake.
"""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

RAW_VALUES = {"True", "False", "None"}
# Translations that are the same word in Chinese admin usage (names, formats, units).
SAME_IN_CHINESE = {"OK", "ID", "URL", "PDF", "CSV", "JSON", "HTML", "Email", "API", "SVG", "ODT", "RSS", "Wagtail"}
SKIP_TAGS = {"script", "style", "textarea", "code", "pre", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Headings, column headers, labels and buttons hold interface text only, never content: an
# all-ASCII text there is an English label (e.g. one Wagtail made up from a field name).
LABEL_TAGS = {"th", "label", "legend", "button", "h1", "h2", "h3", "h4", "dt"}
ASCII_LABEL = re.compile(r"[A-Za-z][A-Za-z ,.'’/()-]*[A-Za-z.)]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _catalogues() -> list[Path]:
    roots = [Path(django.__file__).parent]
    import allauth
    import wagtail

    roots += [Path(wagtail.__file__).parent, Path(allauth.__file__).parent]
    found = []
    for root in roots:
        found += root.glob("**/locale/zh_Hant/LC_MESSAGES/django.po")
    found += Path(settings.BASE_DIR).glob("*/locale/zh_Hant/LC_MESSAGES/django.po")
    found += Path(settings.BASE_DIR).glob("locale/zh_Hant/LC_MESSAGES/django.po")
    return sorted(set(found))


@functools.cache
def untranslated() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """(plain msgids, placeholder patterns) that stay English in the running zh-hant admin."""
    plain: set[str] = set()
    patterns: list[re.Pattern] = []
    with translation.override("zh-hant"):
        for path in _catalogues():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale="zh_Hant")
            for message in catalog:
                msgid = message.id[0] if message.pluralizable else message.id
                if not msgid or not re.search(r"[A-Za-z]{2}", msgid) or msgid in SAME_IN_CHINESE:
                    continue
                context = message.context
                shown = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
                if shown != msgid:
                    continue
                if PLACEHOLDER.search(msgid):
                    parts = [re.escape(p) for p in PLACEHOLDER.split(msgid)]
                    if sum(len(p) for p in parts) >= 6:
                        patterns.append(re.compile(r"\s*" + r".+?".join(parts) + r"\s*", re.S))
                else:
                    plain.add(msgid.strip())
    return frozenset(plain), tuple(patterns)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.nodes: list[str] = []
        self.labels: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in SKIP_TAGS or (attrs.get("lang") or "").startswith("en") or "hidden" in attrs
        if tag == "script" and attrs.get("type") == "application/json" and not self._skipping():
            self.stack.append(("json", True))
            return
        if tag not in VOID:
            self.stack.append((tag, skip))
        for name in ("title", "aria-label", "placeholder"):
            if attrs.get(name) and not skip and not self._skipping():
                self.nodes.append(attrs[name])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag or (tag == "script" and self.stack[i][0] == "json"):
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "json":
            self.nodes.extend(_json_labels(data))
            return
        if not self._skipping() and data.strip():
            self.nodes.append(data)
            if any(tag in LABEL_TAGS for tag, _skip in self.stack):
                self.labels.append(data)


def _json_labels(data: str) -> list[str]:
    """Labels inside Wagtail's JSON props (the sidebar menu is rendered from them)."""
    try:
        value = json.loads(data)
    except ValueError:
        return []
    labels: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, item in node.items():
                if key in {"label", "title"} and isinstance(item, str):
                    labels.append(item)
                else:
                    walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(value)
    return labels


def english_strings(html: str, allow: frozenset[str] = frozenset()) -> list[str]:
    """The visible interface strings of ``html`` that are left in English (or raw values);
    ``allow``: content that may be English (people's names)."""
    parser = _Text()
    parser.feed(html)
    plain, patterns = untranslated()
    found = []
    for node in parser.nodes:
        text = " ".join(node.split())
        if not text:
            continue
        if text in RAW_VALUES or text in plain or text.rstrip(":：.") in plain:
            found.append(text)
        elif any(p.fullmatch(text) for p in patterns):
            found.append(text)
    for node in parser.labels:
        text = " ".join(node.split())
        if ASCII_LABEL.fullmatch(text) and text not in SAME_IN_CHINESE | allow and text not in found:
            found.append(text)
    return found
