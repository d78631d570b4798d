"""Aspirant profiles in the admin: the LA's talent pool, each aspirant's record, and their placing.

Opening a record and downloading the list are logged in the audit log, as on the review pages.
"""

from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import HeaderButton

from .. import services
from ..selectors import display_name, profile_ids_in, review_record_for
from ..services import StaleEditError
from .common import DueDateColumn, RowTitleColumn, ScopedEditView, ScopedIndexView, ScopedInspectView

SEARCH_FIELDS = ["user__first_name", "user__last_name", "user__email"]


def profile_title(profile) -> str:
    return display_name(profile.user)


def _related_name(obj) -> str:
    return obj.name if obj is not None else ""


class AspirantProfileIndexView(ScopedIndexView):
    list_select_related = ("user", "school", "current_role", "target_role")
    default_ordering = "user__last_name"
    export_headings = {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email address"),
        "school": gettext_lazy("School"),
        "urn": gettext_lazy("School URN"),
        "current_role": gettext_lazy("Current role"),
        "years_in_role": gettext_lazy("Years in role"),
        "target_role": gettext_lazy("Role aiming for"),
        "readiness": gettext_lazy("Readiness"),
        "next_follow_up_due": gettext_lazy("Next follow-up due"),
        "rising_stars_consent": gettext_lazy("Rising Stars consent"),
        "updated_at": gettext_lazy("Profile updated"),
    }
    list_export = list(export_headings)
    search_fields = SEARCH_FIELDS

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "name",
                label=_("Name"),
                accessor=profile_title,
                sort_key="user__last_name",
                get_url=self.get_inspect_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("school", label=_("School"), accessor="school.name", sort_key="school__name"),
            Column("current_role", label=_("Current role"), accessor="current_role.name"),
            Column("target_role", label=_("Role aiming for"), accessor="target_role.name"),
            Column("readiness", label=_("Readiness"), accessor="get_readiness_display"),
            DueDateColumn("next_follow_up_due", label=_("Next follow-up due"), sort_key="next_follow_up_due"),
            DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
        ]

    def to_row_dict(self, item):
        return OrderedDict(
            name=profile_title(item),
            email=item.user.email,
            school=_related_name(item.school),
            urn=item.school.urn if item.school else "",
            current_role=_related_name(item.current_role),
            years_in_role=item.years_in_role,
            target_role=_related_name(item.target_role),
            readiness=item.get_readiness_display(),
            next_follow_up_due=item.next_follow_up_due,
            rising_stars_consent=_("Yes") if item.rising_stars_consent else _("No"),
            updated_at=timezone.localtime(item.updated_at).date(),
        )

    def exported_profile_ids(self, queryset):
        return profile_ids_in(profiles=queryset)


class AspirantProfileInspectView(ScopedInspectView):
    """The aspirant's whole record. Each opening is logged, and the aspirant sees who looked."""

    template_name = "talentpool/admin/aspirant_profile_inspect.html"
    history_url_name = None

    def scoped_queryset(self):
        return (
            super()
            .scoped_queryset()
            .select_related("user", "school__local_authority", "current_role", "target_role")
        )

    def get(self, request, *args, **kwargs):
        services.profile_view_log(viewer=request.user, profile=self.object)
        return super().get(request, *args, **kwargs)

    def get_fields(self):
        return []

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.history_url_name:
            buttons.append(
                HeaderButton(
                    _("History"),
                    url=reverse(self.history_url_name, args=[self.object.pk]),
                    icon_name="history",
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = review_record_for(profile=self.object)
        context["today"] = timezone.localdate()
        return context


class AspirantProfileEditView(ScopedEditView):
    """An officer changes the aspirant's school, roles and readiness; the rest is the aspirant's."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.profile_manage(
            profile=self.object,
            expected_version=data["version"],
            editor=self.request.user,
            school=data["school"],
            current_role=data["current_role"],
            target_role=data["target_role"],
            readiness=data["readiness"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except StaleEditError as error:
            # Show the newer saved profile, so the officer makes their change to it.
            messages.error(self.request, str(error))
            return redirect(self.get_edit_url())
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self):
        return _("%(name)s's profile is updated.") % {"name": display_name(self.object.user)}

    def get_success_url(self):
        return self.get_inspect_url() or super().get_success_url()
