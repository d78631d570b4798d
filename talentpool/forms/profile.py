"""The aspirant's "Complete your profile" form.

The form checks what it can before saving (something chosen, whole numbers, lengths, and the
qualification rules through the service's ``qualifications_clean``) so every problem shows at once.
``profile_update`` checks again; its ``ValidationError`` goes back on the right field through
``add_service_errors``.
"""

from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from programmes.models import CareerStage, School

from ..models import AspirantProfile, Qualification, Readiness
from ..services import qualifications_clean

STATEMENT_MAX_LENGTH = 1500
OTHER_QUALIFICATIONS_MAX_LENGTH = 500


class ProfileForm(forms.Form):
    school = forms.ModelChoiceField(
        queryset=School.objects.select_related("local_authority").order_by("local_authority__name", "name"),
        label=_("Your school"),
        help_text=_("Schools are grouped by local authority."),
        empty_label=_("Choose your school"),
        error_messages={
            "required": _("Choose your school from the list."),
            "invalid_choice": _("Choose your school from the list."),
        },
    )
    current_role = forms.ModelChoiceField(
        queryset=CareerStage.objects.all(),
        label=_("Your current role"),
        empty_label=_("Choose a role"),
        error_messages={
            "required": _("Choose your current role."),
            "invalid_choice": _("Choose your current role from the list."),
        },
    )
    years_in_role = forms.IntegerField(
        label=_("Years in your current role"),
        help_text=_("Whole years. Enter 0 if you started this year."),
        min_value=0,
        max_value=60,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Enter how many years you have been in your current role."),
            "invalid": _("Enter your years in role as a whole number, like 3."),
            "min_value": _("Years in role must be 0 or more."),
            "max_value": _("Years in role must be 60 or fewer. Enter the whole years in your current role."),
        },
    )
    target_role = forms.ModelChoiceField(
        queryset=CareerStage.objects.all(),
        label=_("The role you are aiming for"),
        empty_label=_("Choose a role"),
        error_messages={
            "required": _("Choose the role you are aiming for."),
            "invalid_choice": _("Choose the role you are aiming for from the list."),
        },
    )
    readiness = forms.ChoiceField(
        choices=Readiness.choices,
        label=_("When do you think you will be ready for that role?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose when you think you will be ready for the role you are aiming for."),
            "invalid_choice": _("Choose when you think you will be ready for the role you are aiming for."),
        },
    )
    qualifications_held = forms.MultipleChoiceField(
        choices=Qualification.choices,
        required=False,
        label=_("Qualifications you hold (optional)"),
        help_text=_("Select all that apply."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose your qualifications from the list.")},
    )
    qualifications_in_progress = forms.MultipleChoiceField(
        choices=Qualification.choices,
        required=False,
        label=_("Qualifications you are working towards (optional)"),
        help_text=_("Select all that apply."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose your qualifications from the list.")},
    )
    qualifications_other = forms.CharField(
        required=False,
        max_length=OTHER_QUALIFICATIONS_MAX_LENGTH,
        label=_("Other qualifications (optional)"),
        help_text=_(
            "For example, a subject leadership course. Say if you hold it or are working towards it."
        ),
        error_messages={
            "max_length": _("Other qualifications must be 500 characters or fewer. Shorten what you entered.")
        },
    )
    statement = forms.CharField(
        required=False,
        max_length=STATEMENT_MAX_LENGTH,
        label=_("About you and your aims (optional)"),
        help_text=_(
            "A few sentences on what you want to lead and why. Your SIP and LA officers can read it."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _("Your statement must be 1,500 characters or fewer. Shorten what you entered.")
        },
    )
    rising_stars_consent = forms.BooleanField(
        required=False,
        label=_("Yes, include me in the Rising Stars list"),
        help_text=_("You can take yourself off the list at any time by unticking this box."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    # Form fields whose names differ from the service's ValidationError keys.
    SERVICE_ERROR_FIELDS = {"qualifications": "qualifications_held"}

    @classmethod
    def initial_for(cls, profile: AspirantProfile) -> dict:
        """The form's starting values for ``profile`` (ids, so no queries)."""
        qualifications = profile.qualifications or {}
        return {
            "school": profile.school_id,
            "current_role": profile.current_role_id,
            "years_in_role": profile.years_in_role,
            "target_role": profile.target_role_id,
            "readiness": profile.readiness,
            "qualifications_held": qualifications.get("held", []),
            "qualifications_in_progress": qualifications.get("in_progress", []),
            "qualifications_other": qualifications.get("other", ""),
            "statement": profile.statement,
            "rising_stars_consent": profile.rising_stars_consent,
            "version": profile.version,
        }

    def clean(self):
        """Check the qualifications with the service's own rule too, so every problem shows at once."""
        cleaned_data = super().clean()
        try:
            qualifications_clean(
                {
                    "held": cleaned_data.get("qualifications_held", []),
                    "in_progress": cleaned_data.get("qualifications_in_progress", []),
                    "other": cleaned_data.get("qualifications_other", ""),
                }
            )
        except ValidationError as error:
            self.add_service_errors(error)
        return cleaned_data

    @property
    def qualification_fields(self) -> list:
        """The two checkbox groups, held and in progress, to render alike."""
        return [self["qualifications_held"], self["qualifications_in_progress"]]

    def school_groups(self) -> list[dict]:
        """The school choices as ``<optgroup>``s, one per local authority, with the chosen one marked."""
        value = self["school"].value()
        chosen = str(value) if value not in (None, "") else ""
        schools = self.fields["school"].queryset
        return [
            {
                "label": local_authority,
                "options": [
                    {"value": str(school.pk), "label": school.name, "selected": str(school.pk) == chosen}
                    for school in group
                ],
            }
            for local_authority, group in groupby(schools, key=lambda school: school.local_authority.name)
        ]

    def update_kwargs(self) -> dict:
        """``profile_update``'s keyword arguments (besides ``profile``), from the cleaned data."""
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            "school": data["school"],
            "current_role": data["current_role"],
            "years_in_role": data["years_in_role"],
            "target_role": data["target_role"],
            "readiness": data["readiness"],
            "qualifications": {
                "held": data["qualifications_held"],
                "in_progress": data["qualifications_in_progress"],
                "other": data["qualifications_other"],
            },
            "statement": data["statement"],
            "rising_stars_consent": data["rising_stars_consent"],
        }

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the service's errors on the fields they are about; the rest above the form."""
        for name, messages in error.update_error_dict({}).items():
            field = self.SERVICE_ERROR_FIELDS.get(name, name)
            self.add_error(field if field in self.fields else None, messages)
