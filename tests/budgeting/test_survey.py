"""P-4: the identity check gates a targeted survey attached to a consultation (referenced, not imported)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from budgeting import captcha
from budgeting.models import SurveyAnswer, SurveyRollEntry, TargetedSurvey

from .conftest import RESIDENT, TOO_YOUNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(db):
    today = timezone.localdate()
    return TargetedSurvey.objects.create(
        title_zh_hant="青年參與問卷",
        title_en="Youth participation survey",
        question_zh_hant="您最希望參與哪一類公共事務？",
        consultation_id=3,
        consultation_url="/consultations/3/",
        case_code="TPE-SURVEY-1",
        min_age=16,
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
    )


def answer(client, survey, identity=RESIDENT, text="交通", lang=""):
    client.get(f"{lang}/budgeting/surveys/{survey.pk}/")
    code = client.session[captcha.SESSION_KEY]["code"]
    return client.post(
        f"{lang}/budgeting/surveys/{survey.pk}/",
        {"national_id": identity[0], "birth_date": identity[1].isoformat(), "captcha": code, "answer": text},
    )


def test_p4_survey_gated_once_per_person_and_anonymous(survey):
    page = Client().get(f"/en/budgeting/surveys/{survey.pk}/")
    assert page.status_code == 200 and 'href="/consultations/3/"' in page.content.decode()
    assert answer(Client(), survey).status_code == 200
    assert SurveyAnswer.objects.get().text == "交通"
    assert {f.name for f in SurveyAnswer._meta.get_fields()} == {"id", "survey", "text"}
    again = answer(Client(), survey, text="第二次", lang="/en")
    assert again.status_code == 409 and "already answered" in again.content.decode()
    assert SurveyAnswer.objects.count() == 1 and SurveyRollEntry.objects.count() == 1


def test_p4_ineligible_refused_nothing_stored(survey):
    response = answer(Client(), survey, identity=TOO_YOUNG, lang="/en")
    assert response.status_code == 403 and "not old enough" in response.content.decode()
    assert not SurveyAnswer.objects.exists() and not SurveyRollEntry.objects.exists()


def test_p4_closed_survey_takes_no_answer(survey):
    survey.closes_on = survey.opens_on = timezone.localdate() - dt.timedelta(days=5)
    survey.save()
    response = Client().post(f"/budgeting/surveys/{survey.pk}/", {"answer": "x"})
    assert response.status_code == 200
    assert not SurveyAnswer.objects.exists()
