"""Scale-out shape: two web processes (gunicorn, production settings) on one PostgreSQL and one
Redis share sessions, the page cache's content versions and the rate limits.

Runs in CI (`.ci/run`: PostgreSQL + Redis); skipped without them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
PORTS = (int(os.environ.get("SCALE_OUT_PORT", "8155")), int(os.environ.get("SCALE_OUT_PORT", "8155")) + 1)
CSRF = "scaleoutscaleoutscaleoutscaleout"
KEY = "k8#Yp2!vQz9@Lr4$Wm7^Tn1&Xc6*Bd3(Hf5)Gj0-Ks8+Ua2=Ee"


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:  # noqa: BLE001
        return False


pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
    pytest.mark.skipif(not _redis_up(), reason="needs Redis (REDIS_URL)"),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def _request(port: int, path: str, *, data: dict | None = None, cookie: str = "") -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


@pytest.fixture
def two_servers(seeded_transactional_db):
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"scaleout-{uuid.uuid4().hex[:8]}",  # nothing from an earlier run
        "SECRET_KEY": KEY,
        "BUDGETING_VOTER_KEY": "scale-out-test-voter-key-vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "CACHE_MIDDLEWARE_SECONDS": "60",
        "WEB_CONCURRENCY": "1",
        "TASKS_BACKEND": "core.task_queue.DatabaseBackend",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env={**env, "PORT": str(port)},
        )
        for port in PORTS
    ]
    try:
        for port, server in zip(PORTS, servers, strict=True):

            def answers(port=port, server=server) -> bool:
                assert server.poll() is None, "server exited"
                return _request(port, "/healthz")[0] == 200

            wait_until(answers, timeout=90, what=f"the server on port {port} to answer /healthz")
        yield PORTS
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def _open_consultation_and_citizen():
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from commitments.models import Commitment
    from consultations.models import Consultation

    today = timezone.localdate()
    item = Consultation(
        commitment=Commitment.objects.get(plan__slug="2020-2024", number=4),
        title_zh_hant="兩個行程的諮詢",
        description_zh_hant="測試",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
    )
    item.save()
    user = get_user_model().objects.create_user(
        username="two@example.org", email="two@example.org", password="x", nickname="two"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return item, user


def test_two_web_processes_share_pages_sessions_and_rate_limits(two_servers):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from consultations.models import Comment

    first, second = two_servers
    status, body = _request(first, "/healthz")  # the health endpoint checks the database and Redis
    assert status == 200 and '"database": "ok"' in body and '"cache": "ok"' in body
    item, user = _open_consultation_and_citizen()
    with override_settings(SECRET_KEY=KEY):  # signed as the servers sign sessions
        session = SessionStore()
        session.update(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "accounts.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        session.save()
    cookie = f"sessionid={session.session_key}; csrftoken={CSRF}"
    page = f"/consultations/{item.pk}/"

    # Both processes serve (and cache) the anonymous page.
    for port in (first, second, first, second):
        status, html = _request(port, page)
        assert status == 200 and "兩個行程的諮詢" in html and "第一則留言" not in html

    # A comment posted through the first process shows at once through the second one.
    form = {"text": "第一則留言", "token": str(uuid.uuid4()), "csrfmiddlewaretoken": CSRF}
    status, _ = _request(first, f"/consultations/{item.pk}/comment/", data=form, cookie=cookie)
    assert status == 302
    status, html = _request(second, page)
    assert status == 200 and "第一則留言" in html

    # The per-user limit (5 a minute) counts posts through either process together.
    results = []
    for n in range(6):
        port = (second, first)[n % 2]
        form = {"text": f"留言 {n}", "token": str(uuid.uuid4()), "csrfmiddlewaretoken": CSRF}
        results.append(_request(port, f"/consultations/{item.pk}/comment/", data=form, cookie=cookie)[0])
    assert results.count(302) == 4  # 1 + 4 = the limit of 5, whichever process took them
    assert Comment.objects.filter(consultation=item).count() == 5
