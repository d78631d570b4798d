"""Template helpers for rendering Django forms as GOV.UK Frontend form components."""

from django import forms, template

register = template.Library()


@register.filter
def govuk_widget(bound_field) -> str:
    """Which GOV.UK component renders this field: input, textarea, select, radios, checkboxes,
    checkbox (a single yes/no box), password (a GOV.UK password input) or date (a GOV.UK date
    input, see MultiWidget subclasses)."""
    widget = bound_field.field.widget
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it is checked first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    if isinstance(widget, forms.MultiWidget) and getattr(widget, "govuk_date", False):
        return "date"
    return "input"


@register.filter
def govuk_error_target(bound_field) -> str:
    """The id the error summary links to: the first input of the field."""
    kind = govuk_widget(bound_field)
    if kind in {"radios", "checkboxes"}:
        return f"{bound_field.auto_id}_0"
    if kind == "date":
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.simple_tag
def govuk_hint(bound_field, hint="", no_hint=False) -> str:
    """The hint under a field's label: the template's own, else the field's help text, or none."""
    if no_hint:
        return ""
    return hint or bound_field.help_text
