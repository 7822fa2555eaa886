"""allauth adapter: the visitor's language is kept and emails are in the recipient's (rule F-7).

- Every redirect allauth makes (after signing in, signing up, signing out, confirming an email,
  changing a password) goes to the page in the language the visitor was reading (``/en/...``).
- Every email is rendered in the recipient's preferred language (the visitor's language when
  the address belongs to no account), and its links point to the public site address
  (``PUBLIC_BASE_URL``, core/links.py) in that language.
- Sign-ins are throttled by accounts.throttle (shared with the admin's sign-in page) and the
  client's address for allauth's rate limits comes from core.net (trusted proxies only).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.translation import gettext

from core.i18n import LANGUAGE_CODES, current_language
from core.links import absolute_url, localized_path, site_domain
from core.net import client_ip

from . import throttle

# Context values allauth puts links in.
URL_KEYS = ("activate_url", "password_reset_url", "signup_url", "login_url")


def keep_language(url: str) -> str:
    """``url`` (a path, a URL name or an address on this site) in the active language."""
    url = resolve_url(url)
    parts = urlsplit(url)
    if parts.netloc:
        return url
    return localized_path(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)), current_language())


def recipient_language(email: str, user: Any = None) -> str:
    """The language of the emails to ``email``: its account's choice, else the active language."""
    if user is None and email:
        user = get_user_model().objects.filter(email__iexact=email).first()
    language = getattr(user, "preferred_language", None)
    return language if language in LANGUAGE_CODES else current_language()


def public_link(url: str, language: str) -> str:
    """A link allauth built (on whatever host the request came in) on the public site address."""
    parts = urlsplit(str(url))
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)), language=language)


class AccountAdapter(DefaultAccountAdapter):
    """Keeps the visitor's language prefix and writes emails in the recipient's language."""

    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the same as every other limit (core.net)."""
        return client_ip(request)

    def authenticate(self, request, **credentials: Any):
        """One throttled attempt, counted with the admin's sign-in (allauth's own
        ``login_failed`` limit is off: ``ACCOUNT_RATE_LIMITS``)."""
        identifier = str(credentials.get("email") or credentials.get("username") or "")
        return throttle.throttled(
            request, identifier, lambda: super(AccountAdapter, self).authenticate(request, **credentials)
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        language = recipient_language(email, context.get("user"))
        context = dict(context)
        for key in URL_KEYS:
            if context.get(key):
                context[key] = public_link(context[key], language)
        # "Hello from <site>!" names the configured public address, whatever host the request used.
        context.setdefault("current_site", Site(domain=site_domain(), name=site_domain()))
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        return f"[{gettext('OGP Taiwan')}] {subject}"

    def get_login_redirect_url(self, request) -> str:
        return keep_language(super().get_login_redirect_url(request))

    def get_logout_redirect_url(self, request) -> str:
        return keep_language(super().get_logout_redirect_url(request))

    def get_signup_redirect_url(self, request) -> str:
        return keep_language(super().get_signup_redirect_url(request))

    def get_email_verification_redirect_url(self, email_address) -> str:
        return keep_language(super().get_email_verification_redirect_url(email_address))

    def get_password_change_redirect_url(self, request) -> str:
        return keep_language(super().get_password_change_redirect_url(request))
