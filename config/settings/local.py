"""`make run`: the site as production serves it (DEBUG off, page cache on, compressed static files
through WhiteNoise, the production server and the task worker), on this machine's SQLite file (or
``DATABASE_URL``), with a local secret and the demo accounts. Never use it on a public server:
``config.settings.production`` is for that."""

from .base import env
from .dev import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=False)
# Anonymous visitors get whole pages from the cache, as in production.
CACHE_MIDDLEWARE_SECONDS = env.int("CACHE_MIDDLEWARE_SECONDS", default=60)
# Uploaded images and documents are served by the Django process (production: object storage).
SERVE_MEDIA = True
