"""The open-data API's conventions and first endpoints."""

from __future__ import annotations

import pytest

from commitments.models import Commitment

pytestmark = pytest.mark.django_db


def test_commitment_list_shape(client):
    data = client.get("/api/v1/commitments/").json()
    assert data["count"] == 12
    assert len(data["items"]) == 12
    first = data["items"][0]
    assert first["number"] == 1
    assert first["title"] == {
        "zh-hant": "政府資料開放與運用法制化",
        "en": "Legal basis for opening and using government data",
    }
    assert first["lead_agency"]["short_name"]["zh-hant"] == "國發會"
    assert first["theme"]["number"] == 1
    assert first["url"] == {"zh-hant": "/plans/2020-2024/commitments/1/", "en": "/en/plans/2020-2024/commitments/1/"}


def test_commitment_detail(client):
    data = client.get("/api/v1/commitments/4/").json()
    assert data["number"] == 4
    assert data["lead_agency"]["name"]["en"] == "Ministry of Education"
    assert client.get("/api/v1/commitments/99/").status_code == 404


def test_missing_translation_is_null(client):
    Commitment.objects.filter(number=4).update(title_en="")
    assert client.get("/api/v1/commitments/4/").json()["title"]["en"] is None


def test_pagination(client, settings):
    settings.API_PAGE_SIZE = 5
    page3 = client.get("/api/v1/commitments/?page=3").json()
    assert page3["count"] == 12 and [c["number"] for c in page3["items"]] == [11, 12]
    assert client.get("/api/v1/commitments/?page=9").json()["items"] == []
    assert client.get("/api/v1/commitments/?page=0").status_code == 422


def test_list_query_count_is_fixed(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/api/v1/commitments/")


def test_openapi_schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/commitments/" in schema["paths"]
    assert "/api/v1/commitments/{number}/" in schema["paths"]


def test_api_has_no_personal_contact_data(client):
    text = client.get("/api/v1/commitments/").content.decode()
    assert "@" not in text and "email" not in text.lower() and "phone" not in text.lower()
