"""Template helpers used on every public page (loaded as a builtin).

- ``{% tr obj "title" %}``: the field in the active language, or a visible
  "translation pending" notice with the Chinese original (rule F-7).
- ``{{ value|localdate }}`` / ``{{ value|localdate:"table" }}``: ROC dates in
  Chinese, "31 March 2020" in English.
- ``{% other_language_url %}``: the same page in the other language.
- ``{% section part %}``: a ``core.providers.Section`` another app offers for this page.
"""

from __future__ import annotations

from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core import dates, i18n

register = template.Library()


@register.simple_tag
def tr(obj, field: str, rich: bool = False):
    """The translated text, or the "translation pending" notice and the original.

    Rich text (``rich=True``) is Wagtail rich text and rendered through its
    ``richtext`` filter, which sanitises it; plain text is always escaped.
    """
    language = i18n.current_language()
    value = i18n.value_in(obj, field, language)
    if value is not None:
        return _render(value, rich, None)
    original = i18n.value_in(obj, field, i18n.DEFAULT_LANGUAGE)
    if original is None:
        return ""
    notice = format_html('<span class="translation-pending">{}</span> ', _("Translation pending"))
    return format_html("{}{}", notice, _render(original, rich, "zh-Hant"))


def _render(value: str, rich: bool, lang: str | None):
    if rich:
        from wagtail.rich_text import RichText

        body = RichText(value).__html__()
        return format_html('<div lang="{}">{}</div>', lang, body) if lang else format_html("<div>{}</div>", body)
    return format_html('<span lang="{}">{}</span>', lang, value) if lang else value


@register.filter
def localdate(value, style: str = "long") -> str:
    """A date in the active language (ROC in Chinese)."""
    return dates.format_date(value, None, style)  # type: ignore[arg-type]


@register.filter
def localdatetime(value, style: str = "long") -> str:
    """A date and time in the active language (ROC in Chinese)."""
    return dates.format_datetime(value, None, style)  # type: ignore[arg-type]


@register.simple_tag(takes_context=True)
def language_url(context, language: str) -> str:
    """The current page's address in ``language``."""
    request = context.get("request")
    if request is None:
        return "/"
    url = translate_url(request.get_full_path(), language)
    return url


@register.simple_tag(takes_context=True)
def section(context, part):
    """Render a ``core.providers.Section`` (another app's part of this page) with its own context."""
    template = context.template.engine.get_template(part.template)
    with context.push(**part.context):
        return template.render(context)
