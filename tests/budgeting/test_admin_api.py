"""Staff side (every role × action, allowed and refused), results page, .pb download and the API (no identity)."""

from __future__ import annotations

import pytest
from django.test import Client

from budgeting import gate, services
from budgeting.models import Ballot, Project, StationTally
from commitments.models import Agency, AgencyStaff

from .conftest import add_project, make_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(demo_accounts):
    AgencyStaff.objects.update_or_create(
        user=demo_accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    return demo_accounts


def refused(response) -> bool:
    """Wagtail answers a refused admin view by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def finished(db, demo_accounts):
    """A finished process: 60 + 40 ballots where greedy and MES differ, results published."""
    process = make_process(phase="results", budget=100, max_choices=3, binding_method="mes", electorate=400)
    x1, x2, x3, y1 = (add_project(process, t, 33).pk for t in ("北區公園", "北區圖書館", "北區路燈", "南區遊戲場"))
    Ballot.objects.bulk_create([Ballot(process=process, choices=[x1, x2, x3]) for _ in range(60)])
    Ballot.objects.bulk_create([Ballot(process=process, choices=[y1]) for _ in range(40)])
    services.results_publish(process=process, user=demo_accounts["ndc_editor"])
    return process


@pytest.mark.parametrize("role", ["ndc_editor", "agency_officer", "convener", "moderator"])
def test_desk_only_for_budgeting_staff(voting_process, staff, role):
    response = login(staff[role]).get(f"/admin/budgeting/desk/{voting_process.pk}/")
    if role == "ndc_editor":
        assert response.status_code == 200
    else:
        assert refused(response)


def test_desk_anonymous_goes_to_login(voting_process):
    response = Client().get(f"/admin/budgeting/desk/{voting_process.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("consent/", {"issue_zh_hant": "議題", "voting_rules_zh_hant": "規則", "privacy_notice_zh_hant": "隱私"}),
        ("paper/", {"proposer_name": "王小明", "title_zh_hant": "紙本提案", "summary_zh_hant": "內容"}),
        ("publish/", {}),
    ],
)
def test_staff_actions_refused_to_officers(voting_process, staff, url, data):
    client = login(staff["agency_officer"])
    assert refused(client.post(f"/admin/budgeting/desk/{voting_process.pk}/{url}", data))


def test_ndc_enters_paper_proposal_and_publishes_consent(voting_process, staff):
    client = login(staff["ndc_editor"])
    response = client.post(
        f"/admin/budgeting/desk/{voting_process.pk}/paper/",
        {"proposer_name": "王小明", "title_zh_hant": "紙本提案", "summary_zh_hant": "內容"},
    )
    assert response.status_code == 302
    assert Project.objects.get(title_zh_hant="紙本提案").channel == "paper"
    client.post(
        f"/admin/budgeting/desk/{voting_process.pk}/consent/",
        {"issue_zh_hant": "議題2", "voting_rules_zh_hant": "規則2", "privacy_notice_zh_hant": "隱私2"},
    )
    assert services.consent_current(voting_process).version == 2


def test_officer_reviews_only_own_agencys_projects(voting_process, staff):
    own = add_project(voting_process, "本機關", None, status="submitted")
    own.agency = Agency.objects.get(code="moe")
    own.save()
    other = add_project(voting_process, "他機關", None, status="submitted")
    other.agency = Agency.objects.exclude(code="moe").first()
    other.save()
    officer = login(staff["agency_officer"])
    data = {"action": "review", "feasible": "1", "cost_estimate": "250", "reasons_zh_hant": "可行"}
    assert refused(officer.post(f"/admin/budgeting/reviews/{other.pk}/", data))
    assert officer.post(f"/admin/budgeting/reviews/{own.pk}/", data).status_code == 302
    own.refresh_from_db()
    assert own.status == "feasible" and own.cost_estimate == 250
    listing = officer.get("/admin/budgeting/reviews/").content.decode()
    assert "本機關" in listing and "他機關" not in listing
    # Workshop notes are the budgeting staff's.
    notes = {"action": "workshop", "notes_zh_hant": "工作坊"}
    assert refused(officer.post(f"/admin/budgeting/reviews/{own.pk}/", notes))
    assert login(staff["ndc_editor"]).post(f"/admin/budgeting/reviews/{own.pk}/", notes).status_code == 302


def test_paper_tally_double_entry_through_the_desk(voting_process, staff):
    station = voting_process.stations.create(name_zh_hant="公所")
    pks = list(voting_process.projects.values_list("pk", flat=True))
    counts = {f"p{pk}": "3" for pk in pks}
    url = f"/admin/budgeting/desk/{voting_process.pk}/stations/{station.pk}/1/"
    editor, officer_editor = login(staff["ndc_editor"]), staff["convener"]
    assert editor.post(url + "tally/", {"entry": "1", "ballots": "5", **counts}).status_code == 302
    # A second NDC editor enters the second copy.
    from core.roles import NDC_EDITOR, ROLE_GROUPS

    officer_editor.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name=ROLE_GROUPS[NDC_EDITOR])
    )
    second = login(officer_editor)
    assert second.post(url + "tally/", {"entry": "2", "ballots": "5", **counts}).status_code == 302
    assert editor.post(url + "reconcile/").status_code == 302
    assert StationTally.objects.get().ballots == 5


def test_results_page_both_methods_chart_turnout_bilingual(finished):
    for lang, words in (("", ["平均分配法", "投票率", "<svg"]), ("/en", ["Method of Equal Shares", "Turnout", "<svg"])):
        response = Client().get(f"{lang}/budgeting/{finished.pk}/results/")
        assert response.status_code == 200
        body = response.content.decode()
        for word in words:
            assert word in body
    assert "25.0" in body  # 100 of 400


def test_results_not_public_before_published(voting_process):
    assert Client().get(f"/budgeting/{voting_process.pk}/results/").status_code == 404
    assert Client().get(f"/budgeting/{voting_process.pk}/results.pb").status_code == 404
    assert Client().get(f"/api/v1/budgeting/{voting_process.pk}/results/").status_code == 404


def test_pabulib_download(finished):
    response = Client().get(f"/budgeting/{finished.pk}/results.pb")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="budgeting-{finished.pk}.pb"'
    text = response.content.decode()
    assert text.startswith("META") and "num_votes;100" in text and "北區公園" in text


def test_api_processes_projects_results_and_no_identity(finished, voting_process, solve_captcha):
    voter = gate.voter_hash(scope=f"process:{voting_process.pk}", national_id="A123456789")
    services.ballot_cast(
        process=voting_process,
        voter_hash=voter,
        consent=services.consent_current(voting_process),
        choices=[voting_process.projects.first().pk],
    )
    client = Client()
    data = client.get("/api/v1/budgeting/").json()
    assert data["count"] == 2
    open_ = client.get(f"/api/v1/budgeting/{voting_process.pk}/").json()
    assert open_["current_phase"] == "voting" and open_["results_published"] is False
    projects = client.get(f"/api/v1/budgeting/{voting_process.pk}/projects/").json()["items"]
    assert all(p["votes"] is None for p in projects)  # no votes before close
    assert projects[0]["cost_estimate"] == 400 and projects[0]["feasible"] is True
    done = client.get(f"/api/v1/budgeting/{finished.pk}/projects/").json()["items"]
    assert sorted(p["votes"] for p in done) == [40, 60, 60, 60]
    result = client.get(f"/api/v1/budgeting/{finished.pk}/results/").json()
    assert result["binding_method"] == "mes" and len(result["greedy"]) == 3 and result["winners"] == result["mes"]
    everything = "".join(
        client.get(url).content.decode()
        for url in (
            "/api/v1/budgeting/",
            f"/api/v1/budgeting/{voting_process.pk}/projects/",
            f"/api/v1/budgeting/{finished.pk}/results/",
        )
    )
    assert voter not in everything and "A123456789" not in everything and "voter" not in everything
    assert client.get("/api/v1/budgeting/?page=0").status_code == 422
    assert client.get("/api/v1/budgeting/99999/").status_code == 404


def test_public_pages_both_languages(voting_process):
    project = voting_process.projects.first()
    for lang in ("", "/en"):
        client = Client()
        assert client.get(f"{lang}/budgeting/").status_code == 200
        assert client.get(f"{lang}/budgeting/{voting_process.pk}/").status_code == 200
        assert client.get(f"{lang}/budgeting/{voting_process.pk}/projects/{project.pk}/").status_code == 200
    assert Client().get("/budgeting/99999/").status_code == 404


def test_propose_needs_verified_account_during_intake(db, demo_accounts):
    from allauth.account.models import EmailAddress

    process = make_process(phase="intake")
    url = f"/budgeting/{process.pk}/propose/"
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    user = demo_accounts["moderator"]
    EmailAddress.objects.filter(user=user).delete()
    assert login(user).get(url).status_code == 302  # unverified: refused with a message
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client = login(user)
    assert client.post(url, {"title_zh_hant": ""}).status_code == 400
    response = client.post(url, {"title_zh_hant": "新公園", "summary_zh_hant": "在河濱"})
    assert response.status_code == 302
    assert Project.objects.get(title_zh_hant="新公園").proposer == user
