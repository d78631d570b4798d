"""How django-allauth creates aspirant leaders' accounts, and what it says to them."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import is_sip, user_can_review_talent_pool, user_can_use_pathway
from .roles import ASPIRANT_LEADERS

# Django's password validators, by error code, reworded to say why and what to do instead.
PASSWORD_ERRORS = {
    "password_too_short": _(
        "Your password must be at least 12 characters. Try three random words, for example."
    ),
    "password_too_common": _(
        "This password is too common, so it is easy to guess. "
        "Choose a different one, for example three random words."
    ),
    "password_too_similar": _(
        "Your password is too like your name or email address, so it is easy to guess. "
        "Choose one that does not include them."
    ),
}


class SignupNamesForm(forms.Form):
    """Extra sign-up fields: SIPs and officers need to know who they are reading about."""

    first_name = forms.CharField(
        max_length=150,
        label=_("First name"),
        error_messages={
            "required": _("Enter your first name."),
            "max_length": _("First name must be 150 characters or fewer."),
        },
    )
    last_name = forms.CharField(
        max_length=150,
        label=_("Last name"),
        error_messages={
            "required": _("Enter your last name."),
            "max_length": _("Last name must be 150 characters or fewer."),
        },
    )

    def signup(self, request, user):
        """allauth calls this after saving the user; names are saved by AccountAdapter.save_user."""


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("The email address or password is not right. Check them and try again."),
        "email_taken": _(
            "There is already an account with this email address. "
            "Sign in, or reset your password if you have forgotten it."
        ),
        "duplicate_email": _("This email address is already on your account."),
        "enter_current_password": _("Your current password is not right. Check it and try again."),
        "incorrect_password": _("Your password is not right. Check it and try again."),
        "account_inactive": _("Your account is switched off."),
        "cannot_remove_primary_email": _(
            "You cannot remove your main email address. Make another address your main one first."
        ),
        "unknown_email": _("There is no account with this email address."),
        "unverified_primary_email": _("Your main email address must be confirmed first."),
        "same_as_current": _("Enter a different email address from your current one."),
        "too_many_login_attempts": _(
            "You have entered the wrong password too many times, so this account is locked "
            "for 5 minutes. Wait 5 minutes and try again, or reset your password."
        ),
        "rate_limited": _("You have tried too many times. Wait a few minutes and try again."),
    }

    @transaction.atomic
    def save_user(self, request, user, form, commit=True):
        """Everyone who signs up is an aspirant leader; staff are added by an administrator."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
        return user

    def get_login_redirect_url(self, request):
        """Where someone lands after signing in (when no ``next`` says otherwise).

        Aspirant leaders go to their pathway (LOGIN_REDIRECT_URL). SIPs go to the talent pool
        list, where their work is. LA officers and other staff who may use the Wagtail admin go
        there, as before: it is where they manage programmes, schools, SIP assignments and the
        pipeline report, and the header's "Talent pool" link is one click away from the site.
        Anyone else who reviews goes to the talent pool list; the rest to the home page rather
        than a 403.
        """
        user = request.user
        if user_can_use_pathway(user):
            return super().get_login_redirect_url(request)
        can_review = user_can_review_talent_pool(user)
        if can_review and is_sip(user):
            return reverse("talentpool:review_list")
        if user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        if can_review:
            return reverse("talentpool:review_list")
        return "/"

    def clean_password(self, password, user=None):
        """Django's validators, with messages that say why and what to do instead.

        At sign-up allauth checks similarity against an unsaved user holding only the email
        address; the names typed on the same form are added so a password made of them is refused.
        """
        if user is not None and user.pk is None and self.request is not None:
            user.first_name = user.first_name or self.request.POST.get("first_name", "")
            user.last_name = user.last_name or self.request.POST.get("last_name", "")
        try:
            return super().clean_password(password, user=user)
        except forms.ValidationError as error:
            messages = []
            for item in error.error_list:
                message = PASSWORD_ERRORS.get(item.code)
                if message is None:
                    messages.append(item)
                elif not any(m.code == item.code for m in messages):
                    messages.append(forms.ValidationError(message, code=item.code))
            raise forms.ValidationError(messages) from error
