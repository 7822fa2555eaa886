"""The accounts tests reuse the consultations fixtures (consultations, posting)."""

from tests.consultations.conftest import commitment4, make_consultation, open_consultation, post, today  # noqa: F401
