"""How django-allauth creates aspirant leaders' accounts."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .roles import ASPIRANT_LEADERS


class SignupNamesForm(forms.Form):
    """Extra sign-up fields: SIPs and officers need to know who they are reading about."""

    first_name = forms.CharField(
        max_length=150,
        label=_("First name"),
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        max_length=150,
        label=_("Last name"),
        error_messages={"required": _("Enter your last name.")},
    )

    def signup(self, request, user):
        """allauth calls this after saving the user; names are saved by AccountAdapter.save_user."""


class AccountAdapter(DefaultAccountAdapter):
    @transaction.atomic
    def save_user(self, request, user, form, commit=True):
        """Everyone who signs up is an aspirant leader; staff are added by an administrator."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
        return user
