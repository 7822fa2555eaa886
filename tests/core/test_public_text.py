"""Public pages look finished: no rule IDs such as "(F-2.1)" in their text, in either language,
and no doubled parentheses in download labels."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# A rule ID of ../shared/RULES.md (F-2.1, K-6.2.1, T-10.2, W-5, F-A2 ...) cited in brackets, as
# interface strings did: "(F-2.1)", "（F-2.1）", "（僅限非政府委員，F-2.4）". Content such as
# "K-12 Education Administration" is not a citation.
_ID = r"(?<![\w-])[A-Z]{1,2}-A?\d+(?:\.\d+)*(?![\w-])"
RULE_ID = re.compile(r"[(（][^()（）]*?(" + _ID + r")\s*(?:[,，、;；][^()（）]*)?[)）]")


class TextOnly(HTMLParser):
    """The visible text of a page (no scripts, styles or attributes)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = TextOnly()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def public_paths() -> list[str]:
    from commitments.models import CompiledPlan
    from consultations.models import Consultation
    from forum.models import Forum, Meeting
    from minutes.models import Minutes

    paths = [
        "/",
        "/plans/2020-2024/",
        "/plans/2020-2024/dashboard/",
        "/plans/2020-2024/commitments/4/",
        "/plans/2020-2024/commitments/1/",
        "/forums/",
        "/minutes/",
        "/consultations/",
        "/consultations/overdue/",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    paths += [f.get_absolute_url() for f in Forum.objects.all()[:2]]
    paths += [m.get_absolute_url() for m in Meeting.objects.all()[:3]]
    paths += [m.get_absolute_url() for m in Minutes.objects.filter(live=True)[:3]]
    paths += [c.get_absolute_url() for c in Consultation.objects.all()]
    compiled = CompiledPlan.objects.select_related("plan").first()
    if compiled is not None:
        paths.append(f"/plans/{compiled.plan.slug}/compiled/{compiled.version}/")
    return paths


@pytest.fixture
def demo(demo_accounts):
    call_command("load_demo", verbosity=0)


def test_no_rule_ids_and_no_doubled_parentheses_on_public_pages(client, demo):
    from django.utils import translation

    with translation.override("zh-hant"):
        paths = public_paths()
    assert len(paths) > 15
    found = {}
    for path in paths:
        for prefix in ("", "/en"):
            response = client.get(prefix + path)
            assert response.status_code == 200, prefix + path
            text = visible_text(response.content.decode())
            problems = RULE_ID.findall(text) + re.findall(r"\)\s*\(|）\s*（|\(\(|\)\)|）\)|\)）", text)
            if problems:
                found[prefix + path] = problems
    assert not found, "\n".join(f"{path}: {problems}" for path, problems in found.items())


def test_the_scanner_sees_rule_ids():
    text = "Sent to NDC (F-3.2). 組成比例（F-2.1）（僅限非政府委員，K-6.2.1） (rule F-A2) (W-5)"
    assert RULE_ID.findall(text) == ["F-3.2", "F-2.1", "K-6.2.1", "F-A2", "W-5"]
    assert RULE_ID.findall("COVID-19, (ISO 8601), K-12 Education Administration (A-Z list)") == []
