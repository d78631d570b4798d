from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import CareerStage, LocalAuthority, ProgrammePage


class ProgrammeFilterForm(forms.Form):
    """The programme index filters. Values are slugs so a filtered list is a shareable URL."""

    local_authority = forms.ModelMultipleChoiceField(
        queryset=LocalAuthority.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Local authority"),
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Theme"),
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.ModelMultipleChoiceField(
        queryset=CareerStage.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Who it is for"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.MultipleChoiceField(
        choices=ProgrammePage.Status.choices,
        required=False,
        label=_("Status"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, theme_queryset, local_authority_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = theme_queryset
        self.fields["local_authority"].queryset = local_authority_queryset

    def valid_filters(self) -> dict:
        """The filters that parsed; a mistyped or stale value in a shared link is ignored, not fatal."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
