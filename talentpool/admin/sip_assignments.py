"""SIP assignments (which School Improvement Partner reviews which school, and when) and, for
superusers, LA memberships (which LA an officer or SIP works for)."""

from collections import OrderedDict

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic

from ..permissions import sip_assignment_is_current
from ..selectors import display_name
from .common import RowTitleColumn, ScopedDeleteView, ScopedEditView, ScopedIndexView


def assignment_status(assignment) -> str:
    if sip_assignment_is_current(assignment):
        return _("Current")
    return _("Not started yet") if assignment.starts_on > timezone.localdate() else _("Ended")


def assignment_title(assignment) -> str:
    return _("%(sip)s at %(school)s") % {
        "sip": display_name(assignment.sip),
        "school": assignment.school.name,
    }


class SIPAssignmentIndexView(ScopedIndexView):
    list_select_related = ("sip", "school")
    default_ordering = "school__name"
    export_headings = {
        "sip": gettext_lazy("School Improvement Partner"),
        "sip_email": gettext_lazy("Email address"),
        "school": gettext_lazy("School"),
        "urn": gettext_lazy("School URN"),
        "starts_on": gettext_lazy("Start date"),
        "ends_on": gettext_lazy("End date"),
        "status": gettext_lazy("Status"),
    }
    list_export = list(export_headings)
    search_fields = ["sip__first_name", "sip__last_name", "sip__email", "school__name"]

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "sip",
                label=_("School Improvement Partner"),
                accessor=lambda assignment: display_name(assignment.sip),
                sort_key="sip__last_name",
                get_url=self.get_edit_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("school", label=_("School"), accessor="school.name", sort_key="school__name"),
            Column("starts_on", label=_("Start date"), sort_key="starts_on"),
            Column("ends_on", label=_("End date"), sort_key="ends_on"),
            StatusTagColumn(
                "status", label=_("Status"), accessor=assignment_status, primary=sip_assignment_is_current
            ),
        ]

    def to_row_dict(self, item):
        return OrderedDict(
            sip=display_name(item.sip),
            sip_email=item.sip.email,
            school=item.school.name,
            urn=item.school.urn,
            starts_on=item.starts_on,
            ends_on=item.ends_on,
            status=assignment_status(item),
        )


class SIPAssignmentCreateView(generic.CreateView):
    def get_success_message(self, instance):
        return _("%(assignment)s is saved.") % {"assignment": assignment_title(instance)}


class SIPAssignmentEditView(ScopedEditView):
    def get_success_message(self):
        return _("%(assignment)s is saved.") % {"assignment": assignment_title(self.object)}


class SIPAssignmentDeleteView(ScopedDeleteView):
    def get_success_message(self):
        return _("%(assignment)s is deleted.") % {"assignment": assignment_title(self.object)}


def membership_title(membership) -> str:
    return display_name(membership.user)


class LocalAuthorityMembershipIndexView(ScopedIndexView):
    list_select_related = ("user", "local_authority")
    default_ordering = "user__last_name"
    search_fields = ["user__first_name", "user__last_name", "user__email"]

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "user",
                label=_("Person"),
                accessor=lambda membership: display_name(membership.user),
                sort_key="user__last_name",
                get_url=self.get_edit_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("email", label=_("Email address"), accessor="user.email"),
            Column(
                "local_authority",
                label=_("Local authority"),
                accessor="local_authority.name",
                sort_key="local_authority__name",
            ),
        ]
