"""The review list's filters, read from the URL so a filtered list can be bookmarked and exported."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CareerStep, Readiness
from ..selectors.review import ReviewFilters

SORT_CHOICES = [
    ("name", _("Name (A to Z)")),
    ("school", _("School")),
    ("follow-up", _("Next follow-up due (soonest first)")),
    ("next-step", _("Next step's target date (soonest first)")),
    ("recently-updated", _("Recently updated")),
]


class ReviewFilterForm(forms.Form):
    """Checkbox filters, a name search and a sort order; unknown values in a link are ignored.

    ``choices`` comes from ``selectors.review_filter_choices(user=...)`` so a reviewer is only
    offered their own schools and the programmes their aspirants are interested in.
    """

    search = forms.CharField(
        required=False,
        max_length=100,
        label=_("Search by name or email address"),
    )
    school = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("School"))
    current_role = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("Current role"))
    target_role = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("Role aiming for"))
    readiness = forms.MultipleChoiceField(choices=Readiness.choices, required=False, label=_("Readiness"))
    programme = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("Interested in programme"))
    step_status = forms.MultipleChoiceField(
        choices=CareerStep.Status.choices, required=False, label=_("Has a career step that is")
    )
    follow_up_due = forms.BooleanField(required=False, label=_("Follow-up due or overdue"))
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))

    def __init__(self, data=None, *, choices: dict[str, list], **kwargs):
        super().__init__(data, **kwargs)
        self.fields["school"].choices = choices["schools"]
        self.fields["current_role"].choices = choices["career_stages"]
        self.fields["target_role"].choices = choices["career_stages"]
        self.fields["programme"].choices = choices["programmes"]

    def _valid_values(self, name: str) -> tuple:
        """The values of ``name`` that are real choices, so one stale value in a link drops only itself."""
        field = self.fields[name]
        allowed = {str(value) for value, _label in field.choices}
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
        return tuple(
            field.coerce(value) if hasattr(field, "coerce") else value for value in values if value in allowed
        )

    def filters(self) -> ReviewFilters:
        """What to show. Never fails: anything not understood is left out rather than refused."""
        data = self.data
        search = (data.get("search") or "").strip()[: self.fields["search"].max_length]
        sort = data.get("sort") or "name"
        return ReviewFilters(
            search=search,
            schools=self._valid_values("school"),
            current_roles=self._valid_values("current_role"),
            target_roles=self._valid_values("target_role"),
            readiness=self._valid_values("readiness"),
            programmes=self._valid_values("programme"),
            step_statuses=self._valid_values("step_status"),
            follow_up_due=data.get("follow_up_due") in ("1", "on", "true", "yes"),
            sort=sort if sort in dict(SORT_CHOICES) else "name",
        )
