"""Issue 10 finding 11: the open-data API answers only what its OpenAPI schema documents.

schemathesis generates requests from ``/api/v1/openapi.json`` for every operation, valid and
invalid (``page=0``, huge ids, odd slugs), and checks every answer: no 5xx, every status
code and body documented, invalid input refused. Bounded and deterministic (a few examples
per operation, derandomised, no example database).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_test_connection():
    """Calls go through the WSGI application itself: keep Django from closing the test's
    connection at the end of each request (inside the test transaction autocommit is off, which
    ``close_old_connections`` takes for an obsolete connection), as Django's test client does."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


EXAMPLES = 8


def _operations():
    from config.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_finding_11_api_conforms_to_its_schema(mode, plan):
    operations = _operations()
    assert len(operations) >= 11
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate()

        check()


def test_finding_11_page_bounds_in_schema_and_server(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/commitments/", "/api/v1/forums/", "/api/v1/minutes/", "/api/v1/consultations/"):
        operation = schema["paths"][path]["get"]
        page = next(p for p in operation["parameters"] if p["name"] == "page")
        assert page["schema"]["minimum"] == 1
        assert {"200", "422"} <= set(operation["responses"])
        assert client.get(f"{path}?page=0").status_code == 422
        assert client.get(f"{path}?page=99999999999").status_code == 422
        assert client.get(f"{path}?page=abc").status_code == 422
    assert "404" in schema["paths"]["/api/v1/forums/{forum_id}/"]["get"]["responses"]
    assert client.get("/api/v1/forums/99999999999999999999/").status_code == 422
    assert client.get("/api/v1/forums/999999/").status_code == 404
