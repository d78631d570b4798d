"""Wagtail admin views for the programmes app: importing schools from a GIAS export."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from .forms import SchoolImportForm
from .models import School
from .services.school_import import SchoolImportError, import_schools

SCHOOL_IMPORT_URL_NAME = "programmes_school_import"
SCHOOL_LIST_URL_NAME = "wagtailsnippets_programmes_school:list"


class SchoolIndexView(SnippetIndexView):
    """The Schools snippet listing, with an "Import schools" button for people who may add schools."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(_("Import schools"), url=reverse(SCHOOL_IMPORT_URL_NAME), icon_name="upload")
            )
        return buttons


class SchoolImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a GIAS CSV export; show what was created, updated and skipped, and the rows that failed."""

    model = School  # PermissionCheckedMixin looks up the model's permission policy
    permission_required = "add"
    form_class = SchoolImportForm
    template_name = "programmes/admin/school_import.html"
    results_template_name = "programmes/admin/school_import_results.html"
    page_title = _("Import schools")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(SCHOOL_LIST_URL_NAME), "label": _("Schools")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse(SCHOOL_IMPORT_URL_NAME),
            submit_button_label=_("Import schools"),
            submit_button_active_label=_("Importing…"),
            schools_url=reverse(SCHOOL_LIST_URL_NAME),
        )
        return context

    def form_valid(self, form):
        try:
            result = import_schools(file=form.cleaned_data["file"])
        except SchoolImportError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return self.response_class(
            request=self.request,
            template=[self.results_template_name],
            context=self.get_context_data(form=SchoolImportForm(), result=result),
        )

    def form_invalid(self, form):
        messages.error(self.request, _("The schools were not imported. Check the file and try again."))
        return super().form_invalid(form)
