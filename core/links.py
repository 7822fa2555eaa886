"""Absolute links to the public site, for emails, feeds and anything read outside a request.

One setting, ``PUBLIC_BASE_URL`` (environment ``PUBLIC_BASE_URL``, development default
``http://127.0.0.1:8000``), says where the site is served. Wagtail (``WAGTAILADMIN_BASE_URL``)
and allauth (the Sites framework's domain and name, set by ``setup_site``) use the same value,
so every email points to the same address whatever host a request came in on.

Emails link to the recipient's language: ``absolute_url(path, language="en")`` turns a public
address into its English one (``/plans/...`` → ``/en/plans/...``); admin and API addresses,
which have no language prefix, are left as they are.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation


def base_url() -> str:
    """The public site address without a trailing slash, e.g. ``https://ogp.example.tw``."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def site_domain() -> str:
    """The host (and port) of the public site, as the Sites framework stores it."""
    return urlsplit(base_url()).netloc or "localhost"


def site_host() -> str:
    """The host name of the public site without a port (for email and calendar identifiers)."""
    return urlsplit(base_url()).hostname or "localhost"


def _strip_language_prefix(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        prefix = f"/{code}"
        if path == prefix or path.startswith(prefix + "/"):
            return path[len(prefix) :] or "/"
    return path


def localized_path(path: str, language: str) -> str:
    """``path`` as it reads in ``language``: the language prefix of public pages changed,
    admin/API/static paths and paths that match no URL unchanged. Keeps query and fragment."""
    parts = urlsplit(path)
    bare = _strip_language_prefix(parts.path or "/")
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(bare)
        except Resolver404:
            return path
    view_name = match.view_name
    try:
        with translation.override(language):
            new_path = reverse(view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return path
    return urlunsplit(("", "", new_path, parts.query, parts.fragment))


def absolute_url(path: str, *, language: str | None = None) -> str:
    """The absolute address of ``path`` on the public site.

    With ``language``, a public page's address is given in that language (``/en/...`` for English
    readers). A full URL (``http...``) is returned unchanged.
    """
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    if language:
        path = localized_path(path, language)
    return base_url() + path


# URL templates of views whose arguments are all integers, by (URLconf, script prefix, language,
# view, argument names): a handful of entries, each reversed once per process.
_ID_TEMPLATES: dict[tuple, str] = {}
# An id no real object reaches; its digits are replaced by each argument's place in the template.
_SENTINEL = 918_273_645_546_372


def id_template(viewname: str, *names: str) -> str:
    """The address of ``viewname`` (path arguments ``names``, all ``<int:...>``) in the active
    language, as a ``str.format`` template with a field per argument: what ``reverse_ids`` fills,
    for lists that fill it themselves for each item (one look-up a language, not one an item)."""
    from django.urls import get_script_prefix, get_urlconf

    names = tuple(sorted(names))
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), translation.get_language(), viewname, names)
    template = _ID_TEMPLATES.get(key)
    if template is None:
        sentinels = {name: _SENTINEL + n for n, name in enumerate(names)}
        url = reverse(viewname, kwargs=sentinels)
        template = url.replace("{", "{{").replace("}", "}}")
        for name, value in sentinels.items():
            template = template.replace(str(value), "{" + name + "}")
        _ID_TEMPLATES[key] = template
    return template


def reverse_ids(viewname: str, **ids: int) -> str:
    """``reverse(viewname, kwargs=ids)`` for a view whose path arguments are all ``<int:...>``, in
    the active language: the same address, from a template reversed once (``reverse`` costs some
    35 µs, which lists of 50 objects with an address in each language pay 100 times).
    Integer converters turn a value into ``str(value)``, so substituting the digits is exact."""
    return id_template(viewname, *ids).format(**{name: int(value) for name, value in ids.items()})
