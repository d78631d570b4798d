from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CareerStage, LocalAuthority, ProgrammePage
from .permissions import user_can_move_schools_between_local_authorities


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Drops values that match no choice, so one stale slug in a shared link keeps the others."""

    def clean(self, value):
        if value:
            known = set(
                self.queryset.filter(**{f"{self.to_field_name}__in": list(value)}).values_list(
                    self.to_field_name, flat=True
                )
            )
            value = [item for item in value if item in known]
        return super().clean(value)


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Drops values that match no choice, so one mistyped value in a shared link keeps the others."""

    def clean(self, value):
        return super().clean([item for item in value or [] if self.valid_value(item)])


class ProgrammeFilterForm(forms.Form):
    """The programme index filters. Values are slugs so a filtered list is a shareable URL."""

    local_authority = LenientModelMultipleChoiceField(
        queryset=LocalAuthority.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Local authority"),
        widget=forms.CheckboxSelectMultiple,
    )
    theme = LenientModelMultipleChoiceField(
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Theme"),
        widget=forms.CheckboxSelectMultiple,
    )
    audience = LenientModelMultipleChoiceField(
        queryset=CareerStage.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Who it is for"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = LenientMultipleChoiceField(
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


class SchoolImportForm(forms.Form):
    """The admin upload of a Get Information About Schools CSV export."""

    MAX_UPLOAD_SIZE = 50 * 1024 * 1024

    file = forms.FileField(
        label=_("CSV file from Get Information About Schools"),
        help_text=_("The CSV export of establishments, up to 50 MB."),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": _("Choose the CSV file you downloaded from Get Information About Schools."),
            "empty": _(
                "The file is empty. Choose the CSV file you downloaded from Get Information About Schools."
            ),
        },
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > self.MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _(
                    "The file is %(size)s, which is larger than the 50 MB limit. Download the export for "
                    "your local authorities only, or split the file, then try again."
                ),
                params={"size": filesizeformat(file.size)},
                code="too_large",
            )
        return file


class SchoolAdminForm(WagtailAdminModelForm):
    """The Schools snippet form: an existing school's LA is fixed except for portal administrators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not user_can_move_schools_between_local_authorities(self.for_user):
            field = self.fields["local_authority"]
            field.disabled = True
            field.help_text = _(
                "Only a portal administrator can move a school to another local authority, because "
                "it changes who can see the aspirant leaders who work there."
            )
