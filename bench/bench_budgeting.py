"""Participatory budgeting: its public pages, and ballots per second from 64 concurrent voters.

The voters are sessions that agreed to the consent text and passed the identity check (file-backed
registry): the figure is the ballot step, where the roll entry and the secret ballot are written in
one transaction. Each voter votes once; afterwards the database must hold one ballot and one roll
entry per accepted vote (nothing lost) and never two for one identity (nothing doubled). The
identity check itself (CAPTCHA + registry look-up + keyed hash) is timed in process.
"""

from __future__ import annotations

import datetime as dt
import time

from .common import CSRF_SECRET, Site, seconds, write_cost

VOTERS = 64
SESSIONS = 6000
POST_SECONDS = 8.0
STATE: dict = {}


def setup() -> None:
    from budgeting.models import Process

    STATE["open"] = Process.objects.get(case_code="DEMO-ZZ-2026").pk
    STATE["finished"] = Process.objects.get(case_code="DEMO-ZZ-2025").pk


def pages() -> list[tuple[str, str]]:
    open_, finished = STATE["open"], STATE["finished"]
    return [
        ("budgeting processes", "/budgeting/"),
        ("budgeting process open for voting", f"/budgeting/{open_}/"),
        ("budgeting results (both methods, chart)", f"/en/budgeting/{finished}/results/"),
        ("API budgeting projects", f"/api/v1/budgeting/{finished}/projects/"),
    ]


def _voter_sessions(process, count: int, offset: int = 0) -> list[str]:
    """``count`` sessions that agreed to the consent text and passed the identity check."""
    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string
    from django.utils.module_loading import import_string

    from budgeting import gate, services
    from budgeting.identity import check_digit

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    consent = services.consent_current(process).pk
    now = timezone.now()
    rows, cookies = [], []
    for n in range(offset, offset + count):
        prefix = f"R2{n:07d}"
        voter = gate.voter_hash(scope=f"process:{process.pk}", national_id=prefix + check_digit(prefix))
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {f"budgeting:{process.pk}": {"consent": consent, "voter": voter, "verified_at": now.isoformat()}}
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=now + dt.timedelta(hours=1)))
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={key}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}")
    Session.objects.bulk_create(rows, batch_size=2000)
    # As the identity step leaves them: a cached_db store writes every save to the cache too.
    if hasattr(store, "cache_key_prefix"):
        from django.core.cache import caches

        caches[settings.SESSION_CACHE_ALIAS].set_many(
            {store.cache_key_prefix + row.session_key: store.decode(row.session_data) for row in rows}, timeout=3600
        )
    return cookies


def _identity_checks_per_second(process) -> float:
    """In process: CAPTCHA check, format, file registry look-up, eligibility and keyed hash."""
    from django.utils import timezone

    from budgeting import captcha, gate

    repeat = 200

    def check() -> None:
        for n in range(repeat):
            session: dict = {}
            captcha.challenge_new(session)
            gate.identity_check(
                session=session,
                session_key=f"bench-{n}",
                ip=f"10.0.{n // 250}.{n % 250}",
                national_id="A123456789",
                birth_date=dt.date(1980, 1, 1),
                captcha_answer=session[captcha.SESSION_KEY]["code"],
                case_code=process.case_code,
                scope=f"process:{process.pk}",
                policy=process.eligibility,
                on=timezone.localdate(),
            )

    return repeat / seconds(check)


def _settled_counts(process) -> tuple[int, int]:
    """Ballots and roll entries of ``process`` read in one statement (one snapshot: a vote commits
    both or neither), once requests still in flight when wrk stopped have finished."""
    from django.db import connection

    from budgeting.models import Ballot, VoterRollEntry

    sql = (
        f"SELECT (SELECT count(*) FROM {Ballot._meta.db_table} WHERE process_id = %s),"
        f" (SELECT count(*) FROM {VoterRollEntry._meta.db_table} WHERE process_id = %s)"
    )
    deadline, last = time.monotonic() + 30, None
    while True:
        with connection.cursor() as cursor:
            cursor.execute(sql, [process.pk, process.pk])
            current = tuple(cursor.fetchone())
        if current == last or time.monotonic() > deadline:
            return current
        last = current
        time.sleep(1)


def run(site: Site) -> None:
    from django.db.models import Count

    from budgeting.models import Ballot, Process, VoterRollEntry

    process = Process.objects.get(pk=STATE["open"])
    project = process.projects.filter(status="feasible").order_by("pk").first()
    cost = write_cost(
        f"/budgeting/{process.pk}/vote/ballot/",
        bodies=[f"projects={project.pk}"] * 60,
        cookies=_voter_sessions(process, 60, offset=SESSIONS),
    )
    site.report.add(
        "one ballot, in process (CPU of the web process)", cost.cpu_ms, "ms CPU", cost.note(), section="writes"
    )
    cookies = _voter_sessions(process, SESSIONS)
    ballots_before = Ballot.objects.filter(process=process).count()
    roll_before = VoterRollEntry.objects.filter(process=process).count()
    result = site.post_load(
        f"/budgeting/{process.pk}/vote/ballot/",
        body=f"projects={project.pk}",
        cookies=cookies,
        duration=POST_SECONDS,
        connections=VOTERS,
        threads=1,  # one counter: each voter's session is used once
    )
    accepted = result["status"].get(200, 0)
    refused = result["status"].get(409, 0)
    ballots, roll = _settled_counts(process)
    ballots, roll = ballots - ballots_before, roll - roll_before
    doubled = (
        VoterRollEntry.objects.filter(process=process)
        .values("round", "voter_hash")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    ) + max(0, ballots - roll)
    lost = max(0, accepted - ballots) + max(0, roll - ballots)
    others = {code: count for code, count in result["status"].items() if code not in (200, 409)}
    site.report.add(
        f"ballots cast, {VOTERS} concurrent voters (identity already checked)",
        accepted / POST_SECONDS if accepted else result["rps"],
        "ballots/s",
        f"{accepted} accepted, {ballots} ballots and {roll} roll entries stored, {refused} second votes "
        f"refused: {lost} lost, {doubled} double (target ≥ 200/s)" + (f"; other responses {others}" if others else ""),
        section="writes",
    )
    site.report.add(
        "identity checks (CAPTCHA, file registry, keyed hash), in process",
        _identity_checks_per_second(process),
        "checks/s",
        "one process, no HTTP",
        section="writes",
    )
