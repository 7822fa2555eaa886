"""The public voting flow: consent → identity check → ballot → receipt, refusals, limits, registry down (P-2, P-3)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import Client

from budgeting.models import Ballot, VoterRollEntry

from .conftest import NON_RESIDENT, RESIDENT, TOO_YOUNG, make_process

pytestmark = pytest.mark.django_db


def agree(client, process, lang=""):
    response = client.post(f"{lang}/budgeting/{process.pk}/vote/", {"agree": "on"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/budgeting/{process.pk}/vote/identity/")


def check_identity(client, process, solve, identity=RESIDENT, lang="", answer=None):
    client.get(f"{lang}/budgeting/{process.pk}/vote/identity/")
    code = answer if answer is not None else solve(client)
    return client.post(
        f"{lang}/budgeting/{process.pk}/vote/identity/",
        {"national_id": identity[0], "birth_date": identity[1].isoformat(), "captcha": code},
    )


def vote(client, process, solve, choices, identity=RESIDENT, lang=""):
    agree(client, process, lang)
    response = check_identity(client, process, solve, identity, lang)
    if response.status_code != 302:
        return response
    assert response["Location"].endswith(f"/budgeting/{process.pk}/vote/ballot/")
    return client.post(f"{lang}/budgeting/{process.pk}/vote/ballot/", {"projects": [str(c) for c in choices]})


@pytest.mark.parametrize("lang", ["", "/en"])
def test_p2_p3_full_flow_and_second_vote_refused(voting_process, solve_captcha, lang):
    client = Client()
    page = client.get(f"{lang}/budgeting/{voting_process.pk}/vote/")
    assert page.status_code == 200
    assert ("Privacy notice" if lang else "隱私權聲明") in page.content.decode()
    first = voting_process.projects.first()
    response = vote(client, voting_process, solve_captcha, [first.pk], lang=lang)
    assert response.status_code == 200
    ballot = Ballot.objects.get()
    assert str(ballot.id) in response.content.decode()
    # The receipt is kept nowhere: not in the session (its expiry would date the ballot).
    assert str(ballot.id) not in repr(dict(client.session))
    assert client.get(f"{lang}/budgeting/{voting_process.pk}/vote/ballot/").status_code == 302
    assert ballot.choices == [first.pk]
    entry = VoterRollEntry.objects.get()
    assert entry.consent_version.version == 1
    again = vote(Client(), voting_process, solve_captcha, [first.pk], lang=lang)
    assert again.status_code == 409
    assert ("already voted" if lang else "已經投過票") in again.content.decode()
    assert Ballot.objects.count() == 1


def test_p2_identity_check_needs_consent_first(voting_process):
    response = Client().get(f"/budgeting/{voting_process.pk}/vote/identity/")
    assert response.status_code == 302
    assert response["Location"] == f"/budgeting/{voting_process.pk}/vote/"


def test_p2_consent_must_be_ticked(voting_process):
    response = Client().post(f"/en/budgeting/{voting_process.pk}/vote/", {})
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()


def test_ballot_needs_a_verified_identity(voting_process):
    client = Client()
    agree(client, voting_process)
    response = client.post(f"/budgeting/{voting_process.pk}/vote/ballot/", {"projects": ["1"]})
    assert response.status_code == 302
    assert response["Location"] == f"/budgeting/{voting_process.pk}/vote/"
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("identity", "status", "text"),
    [
        (("A123456788", RESIDENT[1]), 400, "not a valid national ID"),
        ((RESIDENT[0], RESIDENT[1].replace(day=2)), 403, "could not confirm"),
        (TOO_YOUNG, 403, "not old enough"),
        (NON_RESIDENT, 403, "Only registered residents"),
    ],
)
def test_p3_incorrect_or_ineligible_ends_the_flow(voting_process, solve_captcha, identity, status, text):
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha, identity, lang="/en")
    assert response.status_code == status
    assert text in response.content.decode()
    assert not VoterRollEntry.objects.exists() and not Ballot.objects.exists()


def test_p3_lowercase_id_is_normalised(voting_process, solve_captcha):
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha, ("a123456789", RESIDENT[1]))
    assert response.status_code == 302


def test_p3_wrong_captcha_refused_and_typed_values_kept(voting_process, solve_captcha):
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha, answer="WRONG", lang="/en")
    assert response.status_code == 400
    body = response.content.decode()
    assert "were not right" in body and 'value="A123456789"' in body


def test_p3_captcha_image_is_served_by_the_site(voting_process):
    client = Client()
    agree(client, voting_process)
    client.get(f"/budgeting/{voting_process.pk}/vote/identity/")
    response = client.get("/budgeting/captcha.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png" and response.content[:4] == b"\x89PNG"
    assert Client().get("/budgeting/captcha.png").status_code == 404


def test_p3_brute_force_limited_per_session(voting_process, solve_captcha, settings):
    settings.BUDGETING_IDENTITY_LIMITS = {"session": (3, 900), "ip": (100, 900)}
    client = Client()
    agree(client, voting_process)
    for day in range(2, 5):
        wrong = (RESIDENT[0], RESIDENT[1].replace(day=day))
        assert check_identity(client, voting_process, solve_captcha, wrong).status_code == 403
    # Even the right birth date is now refused: no brute-forcing birth dates.
    response = check_identity(client, voting_process, solve_captcha, RESIDENT, lang="/en")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_p3_brute_force_limited_per_ip(voting_process, solve_captcha, settings):
    settings.BUDGETING_IDENTITY_LIMITS = {"session": (100, 900), "ip": (2, 900)}
    for _ in range(2):
        client = Client()
        agree(client, voting_process)
        assert check_identity(client, voting_process, solve_captcha, NON_RESIDENT).status_code == 403
    client = Client()
    agree(client, voting_process)
    assert check_identity(client, voting_process, solve_captcha).status_code == 429


class _Down(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args):
        pass


class _Registry(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Registry.received.append(body)
        ok = body["national_id"] == RESIDENT[0] and body["birth_date"] == RESIDENT[1].isoformat()
        payload = json.dumps({"result": "correct" if ok else "incorrect", "resident": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_registry(settings):
    def start(handler):
        server = HTTPServer(("127.0.0.1", 8121), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        settings.BUDGETING_REGISTRY = "http"
        settings.BUDGETING_REGISTRY_URL = "http://127.0.0.1:8121/check"
        settings.BUDGETING_REGISTRY_TIMEOUT = 2
        settings.BUDGETING_REGISTRY_RETRIES = 1
        servers.append(server)

    servers: list = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_p3_registry_down_clear_message_nothing_stored(voting_process, solve_captcha, http_registry):
    http_registry(_Down)
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha, lang="/en")
    assert response.status_code == 503
    assert "not available at the moment" in response.content.decode()
    assert not VoterRollEntry.objects.exists() and not Ballot.objects.exists()


def test_p3_registry_unreachable_clear_message(voting_process, solve_captcha, settings):
    settings.BUDGETING_REGISTRY = "http"
    settings.BUDGETING_REGISTRY_URL = "http://127.0.0.1:8129/nothing-listens-here"
    settings.BUDGETING_REGISTRY_RETRIES = 2
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha)
    assert response.status_code == 503
    assert "戶政" in response.content.decode()


def test_p3_http_registry_receives_case_code_and_answers(voting_process, solve_captcha, http_registry):
    _Registry.received = []
    http_registry(_Registry)
    client = Client()
    agree(client, voting_process)
    assert check_identity(client, voting_process, solve_captcha).status_code == 302
    assert _Registry.received == [
        {"case_code": "TPE-ZZ-2026", "national_id": RESIDENT[0], "birth_date": RESIDENT[1].isoformat()}
    ]


def test_p1_non_resident_declares_and_votes_after_approval(db, solve_captcha, demo_accounts):
    from budgeting import services
    from budgeting.models import NonResidentDeclaration

    from .conftest import add_project

    process = make_process(allow_non_residents=True)
    project = add_project(process, "公園", 100)
    client = Client()
    agree(client, process)
    response = check_identity(client, process, solve_captcha, NON_RESIDENT)
    assert response.status_code == 302 and response["Location"].endswith("/vote/declare/")
    response = client.post(f"/budgeting/{process.pk}/vote/declare/", {"basis": "work", "place": "中正區某公司"})
    assert response.status_code == 302
    declaration = NonResidentDeclaration.objects.get()
    agree(client, process)
    assert check_identity(client, process, solve_captcha, NON_RESIDENT, lang="/en").status_code == 403
    services.declaration_review(declaration=declaration, approve=True, user=demo_accounts["ndc_editor"])
    response = vote(client, process, solve_captcha, [project.pk], identity=NON_RESIDENT)
    assert response.status_code == 200 and Ballot.objects.count() == 1


def test_voting_closed_page(db):
    process = make_process(phase="exhibition")
    response = Client().get(f"/en/budgeting/{process.pk}/vote/")
    assert response.status_code == 200
    assert "Voting is not open" in response.content.decode()


def test_invalid_ballot_keeps_choices_and_writes_nothing(voting_process, solve_captcha):
    client = Client()
    pks = list(voting_process.projects.values_list("pk", flat=True))
    response = vote(client, voting_process, solve_captcha, pks)
    assert response.status_code == 400
    assert response.content.decode().count("checked") == 3
    assert not Ballot.objects.exists() and not VoterRollEntry.objects.exists()


def test_p3_limit_store_down_refuses_safely(voting_process, solve_captcha, monkeypatch):
    from core import ratelimit

    def down(key, limit):
        raise ratelimit.RateLimitUnavailable("cache down")

    monkeypatch.setattr(ratelimit, "hit", down)
    client = Client()
    agree(client, voting_process)
    response = check_identity(client, voting_process, solve_captcha, lang="/en")
    assert response.status_code == 503
    assert "Try again in a moment" in response.content.decode()
    assert not VoterRollEntry.objects.exists()
