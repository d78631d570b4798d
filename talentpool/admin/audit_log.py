"""The "Talent pool audit log" report: who read, exported, followed up or changed whose record.

An LA officer sees the entries about their own LA's profiles, follow-ups and SIP assignments
(``permissions.talent_pool_log_entries_visible_to``); a superuser sees every LA's. Filters offer
only the actions and people found in those entries, so they name nobody from another LA.
"""

from collections import defaultdict

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.history import HistoryFilterSet, LogEntryUserColumn
from wagtail.admin.views.reports import ReportView

from .. import permissions
from ..models import AspirantProfile, FollowUp, SIPAssignment
from ..selectors import record_names_for

AUDIT_LOG_URL_NAME = "talentpool_audit_log"
AUDIT_LOG_RESULTS_URL_NAME = "talentpool_audit_log_results"

#: record type: (model, the admin URL name its records open at)
RECORD_TYPES = {
    "profile": (AspirantProfile, "talentpool_aspirant_profiles:inspect"),
    "follow-up": (FollowUp, "talentpool_follow_ups:inspect"),
    "assignment": (SIPAssignment, "talentpool_sip_assignments:edit"),
}


class TalentPoolAuditLogFilterSet(HistoryFilterSet):
    """Record type, then Wagtail's history filters: action, user and date, from the visible entries."""

    record = django_filters.ChoiceFilter(
        label=gettext_lazy("Record"),
        method="filter_record",
        choices=[
            ("profile", gettext_lazy("Aspirant profiles")),
            ("follow-up", gettext_lazy("Follow-ups")),
            ("assignment", gettext_lazy("SIP assignments")),
        ],
    )

    def filter_record(self, queryset, name, value):
        model, _url_name = RECORD_TYPES[value]
        return queryset.filter(content_type=ContentType.objects.get_for_model(model))


class AuditLogPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("entry")
    verbose_name_plural = gettext_lazy("entries")


class TalentPoolAuditLogView(ReportView):
    page_title = gettext_lazy("Talent pool audit log")
    header_icon = "history"
    index_url_name = AUDIT_LOG_URL_NAME
    index_results_url_name = AUDIT_LOG_RESULTS_URL_NAME
    filterset_class = TalentPoolAuditLogFilterSet
    paginate_by = 50
    paginator_class = AuditLogPaginator
    verbose_name_plural = gettext_lazy("audit log entries")

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_view_talent_pool_audit_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return (
            permissions.talent_pool_log_entries_visible_to(self.request.user)
            .select_related("user", "user__wagtail_userprofile", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "record",
                label=_("Record"),
                accessor="record_label",
                get_url=lambda entry: entry.record_url,
            ),
            Column("message", label=_("Action")),
            LogEntryUserColumn("user", label=_("User"), width="25%"),
            DateColumn("timestamp", label=_("Date"), width="15%"),
        ]

    def paginate_queryset(self, queryset, page_size):
        paginator, page, entries, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, self.with_records(list(entries)), is_paginated

    def with_records(self, entries):
        """Name each entry's record ("Aspirant profile 12: Asha Patel") and link to it while it exists."""
        types = {
            ContentType.objects.get_for_model(model).pk: (model, url) for model, url in RECORD_TYPES.values()
        }
        ids_by_model = defaultdict(set)
        for entry in entries:
            if entry.content_type_id in types and entry.object_id.isdigit():
                ids_by_model[types[entry.content_type_id][0]].add(int(entry.object_id))
        names = {
            model: record_names_for(user=self.request.user, model=model, object_ids=ids)
            for model, ids in ids_by_model.items()
        }
        for entry in entries:
            model, url_name = types.get(entry.content_type_id, (None, None))
            object_id = int(entry.object_id) if entry.object_id.isdigit() else None
            name = names.get(model, {}).get(object_id)
            entry.record_label = (
                _("%(record)s: %(name)s") % {"record": entry.label, "name": name} if name else entry.label
            )
            entry.record_url = reverse(url_name, args=[object_id]) if name else None
        return entries


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_view_talent_pool_audit_log(request.user)


def audit_log_urls() -> list:
    """For the "register_admin_urls" hook."""
    return [
        path("reports/talent-pool-audit-log/", TalentPoolAuditLogView.as_view(), name=AUDIT_LOG_URL_NAME),
        path(
            "reports/talent-pool-audit-log/results/",
            TalentPoolAuditLogView.as_view(results_only=True),
            name=AUDIT_LOG_RESULTS_URL_NAME,
        ),
    ]


def audit_log_menu_item() -> MenuItem:
    """For the "register_reports_menu_item" hook: next to Wagtail's "Site history"."""
    return AuditLogMenuItem(
        _("Talent pool audit log"),
        reverse(AUDIT_LOG_URL_NAME),
        name="talent-pool-audit-log",
        icon_name="history",
        order=1010,
    )
