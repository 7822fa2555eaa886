"""Services of participatory budgeting: ballots and the roll, secrecy, review, paper tallies, results (P-1..P-3)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from wagtail.models import ModelLogEntry

from budgeting import gate, services
from budgeting.models import Ballot, Project, StationTally, VoterRollEntry

from .conftest import add_project, make_process

pytestmark = pytest.mark.django_db


def cast(process, national_id="A123456789", choices=None):
    return services.ballot_cast(
        process=process,
        voter_hash=gate.voter_hash(scope=f"process:{process.pk}", national_id=national_id),
        consent=services.consent_current(process),
        choices=choices if choices is not None else [process.projects.first().pk],
    )


def test_p1_one_vote_per_identity(voting_process):
    cast(voting_process)
    with pytest.raises(services.AlreadyVoted):
        cast(voting_process)
    assert Ballot.objects.count() == 1
    assert VoterRollEntry.objects.count() == 1


def test_p2_roll_records_the_consent_version_agreed_to(voting_process):
    cast(voting_process)
    services.consent_publish(
        process=voting_process, issue_zh_hant="新", voting_rules_zh_hant="新", privacy_notice_zh_hant="新"
    )
    assert VoterRollEntry.objects.get().consent_version.version == 1
    assert services.consent_current(voting_process).version == 2


def test_p3_secrecy_no_raw_id_and_no_join_from_ballot_to_voter(voting_process):
    ballot = cast(voting_process)
    entry = VoterRollEntry.objects.get()
    assert "A123456789" not in entry.voter_hash and len(entry.voter_hash) == 64
    ballot_fields = {f.name for f in Ballot._meta.get_fields()}
    assert ballot_fields == {"id", "process", "round", "choices"}  # no voter, no account, no time
    roll_fields = {f.name for f in VoterRollEntry._meta.get_fields()}
    assert not roll_fields & {"ballot", "ballot_id", "choices"}
    assert ballot.id != entry.id
    # Nothing in the database holds the raw ID or birth date.
    with connection.cursor() as cursor:
        for model in (Ballot, VoterRollEntry):
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
            assert "A123456789" not in repr(cursor.fetchall())
    # No audit entry of the vote (its time would join the ballot to the roll).
    assert not ModelLogEntry.objects.filter(action__startswith="budgeting.ballot").exists()


def test_voter_hash_is_keyed_and_scoped(settings):
    one = gate.voter_hash(scope="process:1", national_id="A123456789")
    assert one == gate.voter_hash(scope="process:1", national_id="a123456789")
    assert one != gate.voter_hash(scope="process:2", national_id="A123456789")
    settings.BUDGETING_VOTER_KEY = "another-key"
    assert one != gate.voter_hash(scope="process:1", national_id="A123456789")
    settings.BUDGETING_VOTER_KEY = ""
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        gate.voter_hash(scope="process:1", national_id="A123456789")


def test_p1_ballot_rules_enforced_and_nothing_written(voting_process):
    pks = list(voting_process.projects.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        cast(voting_process, choices=pks)  # three of at most two
    infeasible = add_project(voting_process, "不可行", None, status="infeasible")
    with pytest.raises(ValidationError):
        cast(voting_process, choices=[infeasible.pk])
    assert not Ballot.objects.exists() and not VoterRollEntry.objects.exists()


def test_p1_budget_ballot(db):
    process = make_process(ballot_kind="budget", budget=800)
    a, b, c = (add_project(process, t, cost).pk for t, cost in (("a", 400), ("b", 300), ("c", 500)))
    cast(process, choices=[a, b])
    with pytest.raises(ValidationError):
        cast(process, national_id="B223456782", choices=[a, c])


def test_voting_closed_refused(db):
    process = make_process(phase="exhibition")
    add_project(process, "公園", 400)
    with pytest.raises(ValidationError):
        cast(process)


def test_p1_review_needs_cost_and_reasons(voting_process, demo_accounts):
    officer = demo_accounts["agency_officer"]
    project = add_project(voting_process, "新提案", None, status="submitted")
    with pytest.raises(ValidationError):
        services.project_review(project=project, feasible=True, cost_estimate=None, reasons_zh_hant="可", user=officer)
    with pytest.raises(ValidationError):
        services.project_review(project=project, feasible=False, cost_estimate=None, reasons_zh_hant="", user=officer)
    services.project_review(project=project, feasible=True, cost_estimate=200, reasons_zh_hant="可行", user=officer)
    project.refresh_from_db()
    assert project.status == Project.Status.FEASIBLE and project.cost_estimate == 200
    assert ModelLogEntry.objects.filter(action="budgeting.project_review").count() == 1


def test_p1_online_proposals_only_during_intake(db, demo_accounts, today):
    process = make_process(phase="intake")
    user = demo_accounts["citizen"] if "citizen" in demo_accounts else demo_accounts["ndc_editor"]
    project = services.project_propose(process=process, user=user, title_zh_hant="提案", summary_zh_hant="內容")
    assert project.channel == "online"
    with pytest.raises(ValidationError):
        services.project_propose(
            process=process,
            user=user,
            title_zh_hant="提案",
            summary_zh_hant="內容",
            today=today + dt.timedelta(days=30),
        )


def test_p1_paper_tally_entered_twice_by_two_people_and_reconciled(voting_process, demo_accounts):
    station = voting_process.stations.create(name_zh_hant="中正區公所")
    a, b, _c = voting_process.projects.values_list("pk", flat=True)
    editor, officer = demo_accounts["ndc_editor"], demo_accounts["agency_officer"]
    services.tally_enter(station=station, round_=1, entry=1, counts={a: 10, b: 4}, ballots=12, user=editor)
    with pytest.raises(ValidationError):  # the same person cannot enter the second copy
        services.tally_enter(station=station, round_=1, entry=2, counts={a: 10, b: 4}, ballots=12, user=editor)
    services.tally_enter(station=station, round_=1, entry=2, counts={a: 10, b: 5}, ballots=12, user=officer)
    with pytest.raises(ValidationError):
        services.tally_reconcile(station=station, round_=1, user=editor)
    assert ModelLogEntry.objects.filter(action="budgeting.tally_mismatch").count() == 1
    services.tally_enter(station=station, round_=1, entry=2, counts={a: 10, b: 4}, ballots=12, user=officer)
    services.tally_reconcile(station=station, round_=1, user=editor)
    assert StationTally.objects.get().counts == {str(a): 10, str(b): 4}
    outcome, online, paper = services.outcome(voting_process)
    assert (online, paper) == (0, 12)
    assert outcome.tallies[a] == 10


def test_p1_results_both_methods_binding_one_funded(db, demo_accounts):
    process = make_process(phase="results", budget=100, binding_method="mes", max_choices=3)
    x1, x2, x3, y1 = (add_project(process, t, 33).pk for t in ("x1", "x2", "x3", "y1"))
    from budgeting.models import Ballot

    Ballot.objects.bulk_create([Ballot(process=process, choices=[x1, x2, x3]) for _ in range(60)])
    Ballot.objects.bulk_create([Ballot(process=process, choices=[y1]) for _ in range(40)])
    result = services.results_publish(process=process, user=demo_accounts["ndc_editor"])
    assert result.greedy == [x1, x2, x3]
    assert result.mes == [x1, x2, y1]
    assert result.winners == result.mes and result.comparison == result.greedy
    assert set(process.projects.filter(funded=True).values_list("pk", flat=True)) == {x1, x2, y1}
    text = services.pabulib_export(process)
    assert "num_votes;100" in text and "rule;equalshares" in text


def test_results_not_before_voting_closes(voting_process, demo_accounts):
    with pytest.raises(ValidationError):
        services.results_publish(process=voting_process, user=demo_accounts["ndc_editor"])


def test_p1_two_rounds_shortlist_then_round_2_ballot(db, demo_accounts):
    process = make_process(phase="voting", two_rounds=True, shortlist_size=1, max_choices=1)
    a, b = add_project(process, "a", 100).pk, add_project(process, "b", 100).pk
    cast(process, choices=[a])
    cast(process, national_id="B223456782", choices=[a])
    cast(process, national_id="F131104093", choices=[b])
    assert services.round1_shortlist(process=process, user=demo_accounts["ndc_editor"]) == [a]
    assert [p.pk for p in services.ballot_projects(process, 2)] == [a]
