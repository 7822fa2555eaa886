"""Account forms: sign-up extras and the profile (how the user appears in public, T-3)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language

from .models import User


def _check_name(cleaned: dict, form: forms.Form) -> None:
    """Whoever appears by real name gives it; whoever appears by nickname gives one."""
    if cleaned.get("name_display") == User.NameDisplay.REAL_NAME:
        if not (cleaned.get("first_name") or "").strip() and not (cleaned.get("last_name") or "").strip():
            form.add_error("last_name", _("Give your name, or choose to appear by nickname."))
    elif not (cleaned.get("nickname") or "").strip():
        form.add_error("nickname", _("Choose a nickname, or choose to appear by your real name."))


class SignupForm(forms.Form):
    """Extra sign-up fields (allauth's ACCOUNT_SIGNUP_FORM_CLASS): how the user appears in public."""

    name_display = forms.ChoiceField(
        label=_("Appear in public as"), choices=User.NameDisplay.choices, initial=User.NameDisplay.NICKNAME
    )
    nickname = forms.CharField(label=_("Nickname"), max_length=60, required=False)
    last_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Given name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language of our emails"), choices=User._meta.get_field("preferred_language").choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Signing up on /en/ means English emails unless the visitor chooses otherwise (F-7).
        self.fields["preferred_language"].initial = current_language()

    def clean(self):
        cleaned = super().clean()
        _check_name(cleaned, self)
        return cleaned

    def signup(self, request, user) -> None:
        for field in ("name_display", "nickname", "first_name", "last_name", "preferred_language"):
            setattr(user, field, self.cleaned_data[field].strip())
        user.save()


class ProfileForm(forms.ModelForm):
    """What the user may change about how they appear; email and password have allauth's own pages."""

    class Meta:
        model = User
        fields = ["name_display", "nickname", "last_name", "first_name", "preferred_language"]
        labels = {
            "name_display": _("Appear in public as"),
            "last_name": _("Family name"),
            "first_name": _("Given name"),
            "preferred_language": _("Language of our emails"),
        }

    def clean(self):
        cleaned = super().clean()
        _check_name(cleaned, self)
        return cleaned


class DeleteForm(forms.Form):
    """Deleting an account asks for the password."""

    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password
