"""Production settings refuse insecure defaults and pass `check --deploy` with no warning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Settings are only read, never connected to: any Redis address will do.
REDIS = "redis://127.0.0.1:6379/5"
STRONG_KEY = "k8#Yp2!vQz9@Lr4$Wm7^Tn1&Xc6*Bd3(Hf5)Gj0-Ks8+Ua2=Ee"
# The voter roll's own secret (participatory budgeting), never SECRET_KEY.
VOTER_KEY = "v0t3r-r0ll-k3y-9f8e7d6c5b4a39281706f5e4d3c2b1a0"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
    }
    environment.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings.production", "BUDGETING_VOTER_KEY": VOTER_KEY, **env}
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "env",
    [
        {"ALLOWED_HOSTS": "ogp.example.tw", "REDIS_URL": REDIS},
        {"SECRET_KEY": "short", "ALLOWED_HOSTS": "ogp.example.tw", "REDIS_URL": REDIS},
        {
            "SECRET_KEY": "dev-only-insecure-key-never-use-in-production-xxxxxxxxxxxx",
            "ALLOWED_HOSTS": "ogp.example.tw",
            "REDIS_URL": REDIS,
        },
        {"SECRET_KEY": STRONG_KEY, "REDIS_URL": REDIS},
        {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "ogp.example.tw"},
        {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "ogp.example.tw", "REDIS_URL": REDIS, "BUDGETING_VOTER_KEY": ""},
        {
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "ogp.example.tw",
            "REDIS_URL": REDIS,
            "BUDGETING_VOTER_KEY": STRONG_KEY,
        },
    ],
    ids=["no-secret", "short-secret", "dev-secret", "no-hosts", "no-redis", "no-voter-key", "voter-key-is-secret-key"],
)
def test_production_refuses_insecure_defaults(env):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_check_deploy_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="ogp.example.tw",
        REDIS_URL=REDIS,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_never_creates_demo_accounts():
    result = run_manage("load_demo", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="ogp.example.tw", REDIS_URL=REDIS)
    assert result.returncode != 0
    assert "Demo data is disabled" in result.stderr
