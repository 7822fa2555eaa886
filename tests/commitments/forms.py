"""Read an admin page's edit form back as POST data (what a browser would send)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._option_value: str | None = None
        self._in_form = form_id is None
        self._form_id = form_id

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self._form_id and a.get("id") == self._form_id:
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form_id:
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(html: str, form_id: str | None = None) -> dict:
    """The fields of the page's form (skipping inline-panel templates ``__prefix__``)."""
    parser = _FormParser(form_id)
    parser.feed(html)
    return {
        name: values if len(values) > 1 else values[0]
        for name, values in parser.data.items()
        if "__prefix__" not in name
    }
