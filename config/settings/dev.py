"""Development settings: DEBUG on, console email, a local secret."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
DEMO_DATA_ALLOWED = True
# Development shows every change at once.
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("CACHE_MIDDLEWARE_SECONDS", "0"))
BUDGETING_VOTER_KEY = os.environ.get("BUDGETING_VOTER_KEY", "dev-only-voter-key-never-use-in-production")
