"""Admin forms for the talent pool. Each limits its choices to what the signed-in user manages."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from programmes.roles import LA_OFFICERS

from .. import permissions
from ..models import AspirantProfile, FollowUp, LocalAuthorityMembership, SIPAssignment
from ..roles import SCHOOL_IMPROVEMENT_PARTNERS
from ..selectors import display_name
from ..services.admin import PROFILE_FIELDS_MANAGED_BY_OFFICERS


class PersonChoiceField(forms.ModelChoiceField):
    """People by full name and email address, so two people with one name can be told apart."""

    def label_from_instance(self, obj):
        return f"{display_name(obj)} ({obj.email})" if obj.email else display_name(obj)


class AspirantProfileAdminForm(WagtailAdminModelForm):
    """An officer's view of where an aspirant is and where they are heading."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AspirantProfile
        fields = PROFILE_FIELDS_MANAGED_BY_OFFICERS
        labels = {"target_role": _("Role aiming for"), "readiness": _("Readiness")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        school = self.fields["school"]
        school.queryset = permissions.schools_manageable_by(self.for_user).order_by("name")
        school.required = True
        school.help_text = _("Only schools in your local authority are listed.")
        school.error_messages["required"] = _("Choose the aspirant's school.")
        school.error_messages["invalid_choice"] = _("Choose a school from the list.")


class SIPAssignmentForm(WagtailAdminModelForm):
    """Assign a School Improvement Partner to a school, from a date and, if known, to a date."""

    sip = PersonChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("School Improvement Partner"),
        help_text=_("Only School Improvement Partners who belong to your local authority are listed."),
        error_messages={
            "required": _("Choose the School Improvement Partner."),
            "invalid_choice": _("Choose a School Improvement Partner from the list."),
        },
    )

    class Meta:
        model = SIPAssignment
        fields = ["sip", "school", "starts_on", "ends_on"]
        labels = {"starts_on": _("Start date"), "ends_on": _("End date")}
        help_texts = {
            "starts_on": _("For example, 2025-09-01."),
            "ends_on": _("For example, 2026-07-31. Leave blank if the assignment has no end date yet."),
        }
        error_messages = {
            "school": {
                "required": _("Choose the school."),
                "invalid_choice": _("Choose a school from the list."),
            },
            "starts_on": {
                "required": _("Enter the date the assignment starts."),
                "invalid": _("Enter the start date as a real date, for example 2025-09-01."),
            },
            "ends_on": {"invalid": _("Enter the end date as a real date, for example 2026-07-31.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sip"].queryset = (
            permissions.sips_assignable_by(self.for_user)
            .select_related("local_authority_membership")
            .order_by("last_name", "first_name", "pk")
        )
        school = self.fields["school"]
        school.queryset = permissions.schools_manageable_by(self.for_user).order_by("name")
        school.help_text = _("Only schools in your local authority are listed.")

    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            # Reported here, so the database's check constraint never has to say it.
            self.add_error(
                "ends_on",
                _(
                    "The end date must be the same as or after the start date. Enter a later end "
                    "date, or leave it blank."
                ),
            )
        sip, school = cleaned_data.get("sip"), cleaned_data.get("school")
        if sip and school and sip.local_authority_membership.local_authority_id != school.local_authority_id:
            self.add_error(
                "sip",
                _(
                    "This School Improvement Partner works for another local authority, so they could "
                    "not review this school. Choose a partner from the school's local authority."
                ),
            )
        return cleaned_data


class FollowUpAdminForm(WagtailAdminModelForm):
    """Correct what a follow-up says; the visit, its author and the aspirant stay as recorded."""

    class Meta:
        model = FollowUp
        fields = ["notes", "agreed_actions", "next_follow_up_due"]
        labels = {"next_follow_up_due": _("Next follow-up due")}
        help_texts = {
            "next_follow_up_due": _(
                "For example, 2026-01-31. It must be after the visit date. Leave blank if no follow-up "
                "is planned."
            )
        }
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 8}),
            "agreed_actions": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "notes": {"required": _("Enter the notes of the visit.")},
            "next_follow_up_due": {
                "invalid": _("Enter the next follow-up date as a real date, for example 2026-01-31.")
            },
        }


class LocalAuthorityMembershipForm(WagtailAdminModelForm):
    """Tie an LA officer or School Improvement Partner to the one LA whose records they reach."""

    user = PersonChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Person"),
        help_text=_("LA officers and School Improvement Partners are listed."),
        error_messages={
            "required": _("Choose the person."),
            "invalid_choice": _("Choose a person from the list."),
            "unique": _(
                "This person already belongs to a local authority. Change their existing membership instead."
            ),
        },
    )

    class Meta:
        model = LocalAuthorityMembership
        fields = ["user", "local_authority"]
        error_messages = {"local_authority": {"required": _("Choose the local authority.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(groups__name__in=[LA_OFFICERS, SCHOOL_IMPROVEMENT_PARTNERS])
            .distinct()
            .order_by("last_name", "first_name", "pk")
        )
