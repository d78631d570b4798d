"""Forms for the aspirant's own data: deleting their account."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    """Asks for the account's password before everything is erased."""

    password = forms.CharField(
        label=_("Your password"),
        help_text=_("Enter the password you use to sign in, to show it is you."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not right. Enter the password you use to sign in."),
                code="wrong_password",
            )
        return password
