"""Forms for adding and editing a career step, and for changing its status."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import CareerStage, ProgrammePage
from programmes.selectors import live_programmes

from ..models import CareerStep
from .fields import GovukDateField


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the form's fields (the rest above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.error_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class CareerStepForm(forms.Form):
    """What a step is, when it should happen and, optionally, the role and programme it leads to.

    ``step`` is the step being edited (None for a new one): its programme stays in the list even
    if the programme has been unpublished since it was linked.
    """

    title = forms.CharField(
        label=_("What is the step?"),
        help_text=_("For example, lead the Year 6 reading project or start the NPQ for Senior Leadership."),
        max_length=200,
        error_messages={
            "required": _("Enter what the step is"),
            "max_length": _("The step must be 200 characters or fewer. Shorten what you entered."),
        },
    )
    target_date = GovukDateField(
        label=_("Target date"),
        help_text=_("When you aim to have done it. For example, 27 3 2027."),
    )
    target_role = forms.ModelChoiceField(
        queryset=CareerStage.objects.order_by("sort_order", "name"),
        required=False,
        label=_("Role it leads towards (optional)"),
        empty_label=_("No role chosen"),
        error_messages={"invalid_choice": _("Choose a role from the list.")},
    )
    programme = forms.ModelChoiceField(
        queryset=ProgrammePage.objects.none(),
        required=False,
        label=_("Programme it is part of (optional)"),
        empty_label=_("Not part of a programme"),
        error_messages={"invalid_choice": _("Choose a programme from the list.")},
    )

    def __init__(self, *args, step: CareerStep | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.refuses_past_dates = step is None  # an existing step may be late
        programmes = Q(pk__in=live_programmes().values("pk"))
        if step is not None and step.programme_id:
            programmes |= Q(pk=step.programme_id)
        self.fields["programme"].queryset = ProgrammePage.objects.filter(programmes).order_by("title")

    def clean_target_date(self):
        """A new step's date must not be past (the service says so too; here it shows with other errors)."""
        target_date = self.cleaned_data.get("target_date")
        if self.refuses_past_dates and target_date and target_date < timezone.localdate():
            raise ValidationError(_("The target date must be today or in the future. Enter a later date."))
        return target_date

    @classmethod
    def initial_for(cls, step: CareerStep) -> dict:
        return {
            "title": step.title,
            "target_date": step.target_date,
            "target_role": step.target_role_id,
            "programme": step.programme_id,
            "version": step.version,
        }


class CareerStepEditForm(CareerStepForm):
    """The edit form also carries the version the edit started from (see StaleEditError)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, step: CareerStep, **kwargs):
        kwargs.setdefault("initial", self.initial_for(step))
        super().__init__(*args, step=step, **kwargs)


class CareerStepStatusForm(forms.Form):
    """One button on the step's page: the new status, and the version the page showed."""

    status = forms.ChoiceField(choices=CareerStep.Status.choices)
    version = forms.IntegerField(min_value=1)


#: The buttons offered for each status, in the order they appear.
STATUS_ACTIONS = [
    (CareerStep.Status.IN_PROGRESS, _("Mark as in progress")),
    (CareerStep.Status.ACHIEVED, _("Mark as achieved")),
    (CareerStep.Status.WITHDRAWN, _("Withdraw this step")),
]

__all__ = [
    "STATUS_ACTIONS",
    "CareerStepEditForm",
    "CareerStepForm",
    "CareerStepStatusForm",
    "add_service_errors",
]
