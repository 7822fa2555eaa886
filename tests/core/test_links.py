"""One public site address (PUBLIC_BASE_URL) for every link in emails, Wagtail and allauth."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from core.links import absolute_url, localized_path, reverse_ids, site_domain, site_host


def test_settings_share_one_address():
    assert settings.WAGTAILADMIN_BASE_URL == settings.PUBLIC_BASE_URL
    assert not settings.PUBLIC_BASE_URL.endswith("/")


@override_settings(PUBLIC_BASE_URL="https://ogp.example.tw")
def test_absolute_url_uses_the_setting():
    assert absolute_url("/plans/2020-2024/") == "https://ogp.example.tw/plans/2020-2024/"
    assert absolute_url("plans/2020-2024/") == "https://ogp.example.tw/plans/2020-2024/"
    assert absolute_url("https://elsewhere.tw/x") == "https://elsewhere.tw/x"
    assert site_domain() == "ogp.example.tw"
    assert site_host() == "ogp.example.tw"


@override_settings(PUBLIC_BASE_URL="http://127.0.0.1:8101")
def test_host_and_port():
    assert site_domain() == "127.0.0.1:8101"
    assert site_host() == "127.0.0.1"


@override_settings(PUBLIC_BASE_URL="https://ogp.example.tw")
@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/plans/2020-2024/", "en", "https://ogp.example.tw/en/plans/2020-2024/"),
        ("/en/plans/2020-2024/", "zh-hant", "https://ogp.example.tw/plans/2020-2024/"),
        ("/en/plans/2020-2024/", "en", "https://ogp.example.tw/en/plans/2020-2024/"),
        ("/plans/2020-2024/?page=2#top", "en", "https://ogp.example.tw/en/plans/2020-2024/?page=2#top"),
        ("/", "en", "https://ogp.example.tw/en/"),
        ("/admin/", "en", "https://ogp.example.tw/admin/"),
        ("/api/v1/commitments/", "en", "https://ogp.example.tw/api/v1/commitments/"),
        ("/accounts/confirm-email/abc/", "en", "https://ogp.example.tw/en/accounts/confirm-email/abc/"),
    ],
)
def test_links_in_the_readers_language(db, path, language, expected):
    # rule F-7: an English reader's email links to the English page
    assert absolute_url(path, language=language) == expected


def test_unknown_paths_are_left_alone(db):
    assert localized_path("/static/core/site.css", "en") == "/static/core/site.css"


@override_settings(PUBLIC_BASE_URL="https://ogp.example.tw")
def test_setup_site_points_the_sites_framework_at_the_public_address(db):
    from django.contrib.sites.models import Site
    from django.core.management import call_command

    call_command("setup_site", verbosity=0)
    site = Site.objects.get_current()
    assert site.domain == "ogp.example.tw"
    assert site.name == "ogp.example.tw"


@pytest.mark.parametrize("language", ["zh-hant", "en"])
@pytest.mark.parametrize(
    ("viewname", "ids"),
    [
        ("proposals:detail", {"pk": 7}),
        ("proposals:detail", {"pk": 1234567890}),
        ("minutes:detail", {"pk": 1}),
        ("forum:meeting", {"forum": 12, "meeting": 3}),
        ("forum:meeting", {"meeting": 3, "forum": 12}),
    ],
)
def test_reverse_ids_gives_what_reverse_gives(viewname, ids, language):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        for _twice in range(2):  # the second from the stored template
            assert reverse_ids(viewname, **ids) == reverse(viewname, kwargs=ids)
