"""The form a SIP (or officer) fills in after talking to an aspirant on a school visit."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import AspirantProfile, CareerStep
from ..selectors import career_steps_open_first
from ..services.follow_ups import follow_up_date_errors
from .fields import GovukDateField

NOTES_MAX_LENGTH = 4000
AGREED_ACTIONS_MAX_LENGTH = 2000


class CareerStepChoiceField(forms.ModelMultipleChoiceField):
    """The aspirant's steps as checkboxes, each labelled with its status and target date."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, step: CareerStep) -> str:
        return _("%(title)s (%(status)s, target date %(date)s)") % {
            "title": step.title,
            "status": step.get_status_display().lower(),
            "date": date_format(step.target_date, "j F Y"),
        }


class FollowUpForm(forms.Form):
    """Visit date, steps discussed, notes, agreed actions and the next follow-up date.

    Dates are checked here as well as in ``services.follow_up_record`` so that a date problem is
    reported together with the form's other mistakes, not only after they are fixed.
    """

    visit_date = GovukDateField(
        label=gettext_lazy("Date of the visit"),
        help_text=gettext_lazy("For example, 27 3 2026. This must be today or in the past."),
    )
    career_steps = CareerStepChoiceField(
        queryset=CareerStep.objects.none(),
        required=False,
        label=gettext_lazy("Career steps you talked about (optional)"),
        help_text=gettext_lazy("Select all that apply. Steps still open are listed first."),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose only this aspirant's own career steps. Untick any step that is not in the list."
            ),
            "invalid_pk_value": gettext_lazy("Choose career steps from the list."),
        },
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes from the visit"),
        help_text=gettext_lazy(
            "What you talked about. The aspirant can read these notes on their leadership pathway."
        ),
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": gettext_lazy("Enter your notes from the visit."),
            "max_length": gettext_lazy("Notes must be 4,000 characters or fewer. Shorten what you entered."),
        },
    )
    agreed_actions = forms.CharField(
        label=gettext_lazy("Agreed actions (optional)"),
        help_text=gettext_lazy("What you and the aspirant agreed to do before the next follow-up."),
        max_length=AGREED_ACTIONS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": gettext_lazy(
                "Agreed actions must be 2,000 characters or fewer. Shorten what you entered."
            ),
        },
    )
    next_follow_up_due = GovukDateField(
        label=gettext_lazy("Date of the next follow-up (optional)"),
        help_text=gettext_lazy("When you plan to follow this up. Leave it blank if you have not agreed one."),
        required=False,
    )

    def __init__(self, *args, profile: AspirantProfile, **kwargs):
        kwargs.setdefault("initial", {"visit_date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["career_steps"].queryset = career_steps_open_first(profile=profile)

    def clean(self):
        cleaned_data = super().clean()
        errors = follow_up_date_errors(
            visit_date=cleaned_data.get("visit_date"),
            next_follow_up_due=cleaned_data.get("next_follow_up_due"),
        )
        for field, messages in errors.items():
            self.add_error(field, messages)
        return cleaned_data
