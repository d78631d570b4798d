"""A GOV.UK date input: a Day, a Month and a Year box, each labelled, read as one date.

Errors follow the GOV.UK Design System's wording ("Target date must include a month",
"Target date must be a real date"), and the widget records which boxes were at fault so the
template highlights only those (``govuk_error_highlight`` on each box; all boxes for errors about
the date as a whole, such as one in the past).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PARTS = ("day", "month", "year")

MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes; ``govuk_date`` tells ``includes/form_field.html`` to draw a date input."""

    govuk_date = True

    def __init__(self, attrs=None):
        labels = (gettext_lazy("Day"), gettext_lazy("Month"), gettext_lazy("Year"))
        widgets = {
            part: forms.TextInput(attrs={"label": label, "inputmode": "numeric"})
            for part, label in zip(PARTS, labels, strict=True)
        }
        super().__init__(widgets, attrs)
        self.error_parts: set[int] | None = None  # None: the whole date is at fault

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for index, subwidget in enumerate(context["widget"]["subwidgets"]):
            subwidget["govuk_error_highlight"] = self.error_parts is None or index in self.error_parts
        return context

    def subwidgets(self, name, value, attrs=None):
        """One entry per box, so ``{% for subwidget in field.subwidgets %}`` loops over Day, Month, Year."""
        yield from self.get_context(name, value, attrs)["widget"]["subwidgets"]


class GovukDateField(forms.MultiValueField):
    """A date typed into three boxes. ``label`` names the date in the error messages."""

    widget = GovukDateWidget

    def __init__(self, *, required=True, **kwargs):
        fields = [forms.CharField(required=False, strip=True) for _part in PARTS]
        super().__init__(fields, required=required, require_all_fields=False, **kwargs)

    def _name(self) -> str:
        return str(self.label or _("Date"))

    def _fail(self, message: str, code: str, parts: set[int] | None = None):
        self.widget.error_parts = parts
        raise ValidationError(message, code=code)

    def clean(self, value):
        self.widget.error_parts = None
        if not isinstance(value, list | tuple):
            value = self.widget.decompress(value)
        raw = [str(item).strip() if item is not None else "" for item in (list(value) + ["", "", ""])[:3]]
        if not any(raw):
            if self.required:
                self._fail(_("Enter the %(name)s") % {"name": self._name().lower()}, "required")
            return None
        return self.compress(raw)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        name = self._name()
        missing = [index for index, text in enumerate(data_list) if not text]
        if missing:
            words = [(_("day"), _("month"), _("year"))[index] for index in missing]
            self._fail(
                _("%(name)s must include a %(parts)s") % {"name": name, "parts": _(" and ").join(words)},
                "incomplete",
                set(missing),
            )
        day_text, month_text, year_text = data_list
        month_number = MONTH_NAMES.get(month_text.lower()) if not month_text.isdigit() else int(month_text)
        if not (day_text.isdigit() and year_text.isdigit() and month_number):
            self._fail(_("%(name)s must be a real date") % {"name": name}, "invalid")
        if len(year_text) != 4:
            self._fail(_("Year must include 4 numbers"), "invalid_year", {2})
        try:
            return datetime.date(int(year_text), month_number, int(day_text))
        except ValueError:
            self._fail(_("%(name)s must be a real date") % {"name": name}, "invalid")
