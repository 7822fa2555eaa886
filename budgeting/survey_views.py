"""Targeted surveys of consultations behind the identity gate (P-4): one page, one answer per person.

The identity check is the voting one (``gate.identity_check``), scoped to the survey; nothing is
stored when it fails, and the answer is stored without any link to the person.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.net import client_ip

from . import captcha, gate, rules, services
from .forms import IdentityForm
from .models import TargetedSurvey


class SurveyForm(IdentityForm):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea, max_length=5000)


@never_cache
def survey(request, pk: int):
    """The survey: the question, the identity check and the answer in one form."""
    item = get_object_or_404(TargetedSurvey, pk=pk)
    today = timezone.localdate()
    is_open = item.opens_on <= today <= item.closes_on
    form = SurveyForm(request.POST if request.method == "POST" and is_open else None)
    status, done, refused = 200, False, None
    if form.is_bound and form.is_valid():
        if not request.session.session_key:
            request.session.save()
        data = form.cleaned_data
        try:
            hashed = gate.identity_check(
                session=request.session,
                session_key=request.session.session_key,
                ip=client_ip(request),
                national_id=data["national_id"],
                birth_date=data["birth_date"],
                captcha_answer=data["captcha"],
                case_code=item.case_code,
                scope=f"survey:{item.pk}",
                policy=rules.Eligibility(min_age=item.min_age),
                on=today,
            )
            services.survey_answer(survey=item, voter_hash=hashed, text=data["answer"])
            done = True
        except gate.IdentityRefused as refusal:
            status = 400 if refusal.code in ("captcha", "format") else 403
            form.add_error(None, refusal.message)
        except services.AlreadyVoted:
            status, refused = 409, _("This identity has already answered this survey.")
        except ValidationError as error:
            status = 400
            for message in error.messages:
                form.add_error(None, message)
    elif form.is_bound:
        status = 400
    question = None if done or refused else captcha.challenge_new(request.session)
    return render(
        request,
        "budgeting/survey.html",
        {"survey": item, "form": form, "question": question, "done": done, "refused": refused, "is_open": is_open},
        status=status,
    )
