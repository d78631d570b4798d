"""What every talent pool admin view shares: records come only through the permission policy.

Wagtail's generic views check the model-level permission but load the object or list from the
whole table. These subclasses load them from ``instances_user_has_any_permission_for``, so a
record outside the user's LA is missing from lists and answers 404 (no hint that it exists) on
its inspect, edit, delete and history URLs.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView

from .. import services
from ..selectors import every_word_q
from .exports import FormulaSafeExportMixin


class PolicyScopedMixin:
    """``scoped_queryset()``: the model's records the user may take any of ``scope_actions`` on."""

    scope_actions = ("add", "change", "delete", "view")

    def scoped_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, list(self.scope_actions)
        )


class RecordTitleMixin:
    """Headings and breadcrumbs name the record with ``record_title(obj)``, set by the viewset.

    The models' own ``__str__`` ("Aspirant profile 12") carries no names, for the audit log's sake.
    """

    record_title = None

    def get_page_subtitle(self):
        if self.record_title is not None:
            return self.record_title(self.object)
        return super().get_page_subtitle()


class ScopedIndexView(PolicyScopedMixin, FormulaSafeExportMixin, generic.IndexView):
    """A listing of only the records the user manages; downloads neutralise formula-like cells.

    Search needs every word in one of ``search_fields`` (the models are not in Wagtail's search
    index). A download that holds aspirants' records logs one entry per aspirant: subclasses say
    which with ``exported_profile_ids``.
    """

    list_select_related: tuple[str, ...] = ()
    search_fields: list[str] = []

    def get_base_queryset(self):
        return self.scoped_queryset().select_related(*self.list_select_related)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(every_word_q(self.search_query, self.search_fields))

    def exported_profile_ids(self, queryset) -> list[int] | None:
        """The aspirants whose records a download of ``queryset`` holds; None when it holds none."""
        return None

    def as_spreadsheet(self, queryset, spreadsheet_format):
        profile_ids = self.exported_profile_ids(queryset)
        if profile_ids is not None:
            services.profile_export_log(
                viewer=self.request.user, profile_ids=profile_ids, file_format=spreadsheet_format
            )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        ordering = queryset.query.order_by
        if ordering and "pk" not in ordering and "-pk" not in ordering:
            queryset = queryset.order_by(*ordering, "pk")  # pages never split a tie differently
        return queryset


class ScopedEditView(RecordTitleMixin, PolicyScopedMixin, generic.EditView):
    scope_actions = ("change",)

    def get_queryset(self):
        return self.scoped_queryset()


class ScopedDeleteView(RecordTitleMixin, PolicyScopedMixin, generic.DeleteView):
    scope_actions = ("delete",)

    def get_queryset(self):
        return self.scoped_queryset()


class ScopedInspectView(RecordTitleMixin, PolicyScopedMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(self.pk)))


class ScopedHistoryView(RecordTitleMixin, PolicyScopedMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The row's title, linked, with the row's "More options" menu (edit, inspect, delete)."""

    def __init__(self, name, *, get_buttons, **kwargs):
        super().__init__(name, **kwargs)
        self._get_row_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_row_buttons(instance)


class DueDateColumn(Column):
    """A date, tagged "Overdue" once it has passed."""

    cell_template_name = "talentpool/admin/due_date_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        due = context["raw_value"]
        context["overdue"] = bool(due and due < timezone.localdate())
        return context
