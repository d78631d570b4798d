"""allauth's account forms with error messages in GOV.UK style: each says how to fix the problem.

Kept apart from accounts.py: allauth's forms module imports accounts.SignupNamesForm (the sign-up
form's base class), so accounts.py must not import allauth's forms. Wired in by ACCOUNT_FORMS.
"""

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# What to say when a field is left empty, by field name.
REQUIRED_MESSAGES = {
    "login": _("Enter your email address."),
    "email": _("Enter your email address."),
    "password": _("Enter your password."),
    "oldpassword": _("Enter your current password."),
    "password1": _("Enter a password."),
    "password2": _("Enter the password again to confirm it."),
}
INVALID_EMAIL = _("Enter an email address in the correct format, like name@example.org.")
PASSWORDS_DIFFER = _("The passwords do not match. Enter the same password twice.")


class GovukMessagesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in REQUIRED_MESSAGES:
                field.error_messages["required"] = REQUIRED_MESSAGES[name]
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = INVALID_EMAIL

    def add_error(self, field, error):
        # allauth's own wording for two different passwords; its message has no code to match.
        mismatch = gettext("You must type the same password each time.")
        if not isinstance(error, dict | list | forms.ValidationError) and str(error) == mismatch:
            error = PASSWORDS_DIFFER
        super().add_error(field, error)


class LoginForm(GovukMessagesMixin, allauth_forms.LoginForm):
    pass


class SignupForm(GovukMessagesMixin, allauth_forms.SignupForm):
    pass


class AddEmailForm(GovukMessagesMixin, allauth_forms.AddEmailForm):
    pass


class ChangePasswordForm(GovukMessagesMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(GovukMessagesMixin, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordForm(GovukMessagesMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(GovukMessagesMixin, allauth_forms.ResetPasswordKeyForm):
    pass
