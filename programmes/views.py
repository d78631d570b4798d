"""Wagtail admin views for the programmes app: importing schools from a GIAS export."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from .forms import SchoolImportForm
from .permissions import user_can_move_schools_between_local_authorities
from .services.school_import import SchoolImportError, import_schools

SCHOOL_IMPORT_URL_NAME = "programmes_school_import"
SCHOOL_LIST_URL_NAME = "wagtailsnippets_programmes_school:list"


class SchoolIndexView(SnippetIndexView):
    """The Schools snippet listing, with an "Import schools" button for portal administrators."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if user_can_move_schools_between_local_authorities(self.request.user):
            buttons.append(
                HeaderButton(_("Import schools"), url=reverse(SCHOOL_IMPORT_URL_NAME), icon_name="upload")
            )
        return buttons


class InstancePermissionMixin:
    """Refuse the view unless the model's permission policy allows ``instance_action`` on this
    record (Wagtail's snippet views check only the model-wide permission). Policies registered by
    other apps, such as the talent pool's, can so limit officers to their own LA's schools."""

    instance_action: str

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, instance
        ):
            raise PermissionDenied
        return instance


class SchoolEditView(InstancePermissionMixin, SnippetEditView):
    instance_action = "change"


class SchoolDeleteView(InstancePermissionMixin, SnippetDeleteView):
    instance_action = "delete"


class SchoolImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a GIAS CSV export; show what was created, updated and skipped, and the rows that failed.

    For portal administrators only: an import updates schools in every LA and can move a school
    from one LA to another.
    """

    form_class = SchoolImportForm
    template_name = "programmes/admin/school_import.html"
    results_template_name = "programmes/admin/school_import_results.html"
    page_title = _("Import schools")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_move_schools_between_local_authorities(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
