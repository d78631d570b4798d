"""The "Talent pool" menu of the Wagtail admin and its listings.

========================  =================================  =============================
menu item                 URL (under /admin/)                URL namespace
========================  =================================  =============================
Aspirant profiles         talent-pool/aspirants/             talentpool_aspirant_profiles
Follow-ups                talent-pool/follow-ups/            talentpool_follow_ups
SIP assignments           talent-pool/sip-assignments/       talentpool_sip_assignments
LA memberships            talent-pool/la-memberships/        talentpool_la_memberships
========================  =================================  =============================

Every view reaches records only through the registered permission policies (``common.py``).
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AspirantProfile, FollowUp, LocalAuthorityMembership, SIPAssignment
from . import follow_ups, profiles, sip_assignments
from .common import ScopedDeleteView, ScopedEditView, ScopedHistoryView, ScopedIndexView, ScopedInspectView
from .filters import (
    AspirantProfileFilterSet,
    FollowUpFilterSet,
    LocalAuthorityMembershipFilterSet,
    SIPAssignmentFilterSet,
)
from .forms import (
    AspirantProfileAdminForm,
    FollowUpAdminForm,
    LocalAuthorityMembershipForm,
    SIPAssignmentForm,
)


class TalentPoolViewSet(ModelViewSet):
    """A listing of talent pool records scoped by the model's permission policy.

    ``views_left_out`` names views the admin must not offer for the model; their URLs are not
    registered and no page links to them. The "usage" view is left out everywhere: nothing
    references these records, and it would show a record without asking the policy.
    """

    views_left_out: tuple[str, ...] = ("usage",)
    #: ``record_title(obj)`` names a record in headings and breadcrumbs (``common.RecordTitleMixin``).
    record_title = None
    add_to_reference_index = False
    copy_view_enabled = False
    list_per_page = 50
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for view_name in self.views_left_out:
            view_kwargs[f"{view_name}_url_name"] = None
        if self.record_title is not None:
            view_kwargs["record_title"] = self.record_title
        return view_kwargs

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in self.views_left_out]


class AspirantProfileViewSet(TalentPoolViewSet):
    model = AspirantProfile
    name = "talentpool_aspirant_profiles"
    url_prefix = "talent-pool/aspirants"
    icon = "user"
    menu_label = _("Aspirant profiles")
    menu_name = "aspirant-profiles"
    views_left_out = ("usage", "add", "delete")
    record_title = staticmethod(profiles.profile_title)
    inspect_view_enabled = True
    index_view_class = profiles.AspirantProfileIndexView
    inspect_view_class = profiles.AspirantProfileInspectView
    edit_view_class = profiles.AspirantProfileEditView
    filterset_class = AspirantProfileFilterSet
    search_fields = profiles.SEARCH_FIELDS
    export_filename = "talent-pool-aspirants"
    edit_handler = ObjectList(
        [
            HelpPanel(
                content=_(
                    "<p>You can change where the aspirant is and where they are heading. Their "
                    "statement, qualifications, self-assessment, career steps and consent are their "
                    "own: only they can change those.</p>"
                )
            ),
            FieldPanel("school"),
            FieldPanel("current_role"),
            FieldPanel("target_role"),
            FieldPanel("readiness"),
        ],
        base_form_class=AspirantProfileAdminForm,
    )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(history_url_name=self.get_url_name("history"), **kwargs)


class FollowUpViewSet(TalentPoolViewSet):
    model = FollowUp
    name = "talentpool_follow_ups"
    url_prefix = "talent-pool/follow-ups"
    icon = "comment"
    menu_label = _("Follow-ups")
    menu_name = "follow-ups"
    views_left_out = ("usage", "add")
    record_title = staticmethod(follow_ups.follow_up_title)
    inspect_view_enabled = True
    inspect_view_fields = follow_ups.FollowUpInspectView.FIELDS
    index_view_class = follow_ups.FollowUpIndexView
    inspect_view_class = follow_ups.FollowUpInspectView
    edit_view_class = follow_ups.FollowUpEditView
    delete_view_class = follow_ups.FollowUpDeleteView
    filterset_class = FollowUpFilterSet
    search_fields = follow_ups.SEARCH_FIELDS
    export_filename = "talent-pool-follow-ups"
    edit_handler = ObjectList(
        [FieldPanel("notes"), FieldPanel("agreed_actions"), FieldPanel("next_follow_up_due")],
        base_form_class=FollowUpAdminForm,
    )


class SIPAssignmentViewSet(TalentPoolViewSet):
    model = SIPAssignment
    name = "talentpool_sip_assignments"
    url_prefix = "talent-pool/sip-assignments"
    icon = "date"
    menu_label = _("SIP assignments")
    menu_name = "sip-assignments"
    record_title = staticmethod(sip_assignments.assignment_title)
    index_view_class = sip_assignments.SIPAssignmentIndexView
    add_view_class = sip_assignments.SIPAssignmentCreateView
    edit_view_class = sip_assignments.SIPAssignmentEditView
    delete_view_class = sip_assignments.SIPAssignmentDeleteView
    filterset_class = SIPAssignmentFilterSet
    search_fields = sip_assignments.SIPAssignmentIndexView.search_fields
    export_filename = "sip-assignments"
    edit_handler = ObjectList(
        [FieldPanel("sip"), FieldPanel("school"), FieldPanel("starts_on"), FieldPanel("ends_on")],
        base_form_class=SIPAssignmentForm,
    )


class LocalAuthorityMembershipViewSet(TalentPoolViewSet):
    """Superusers only (see ``SuperuserOnlyPermissionPolicy``)."""

    model = LocalAuthorityMembership
    name = "talentpool_la_memberships"
    url_prefix = "talent-pool/la-memberships"
    icon = "site"
    menu_label = _("LA memberships")
    menu_name = "la-memberships"
    record_title = staticmethod(sip_assignments.membership_title)
    index_view_class = sip_assignments.LocalAuthorityMembershipIndexView
    filterset_class = LocalAuthorityMembershipFilterSet
    search_fields = sip_assignments.LocalAuthorityMembershipIndexView.search_fields
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("local_authority")], base_form_class=LocalAuthorityMembershipForm
    )

    def get_permissions_to_register(self):
        # Its policy grants nothing through group permissions, so the group editor offers none.
        return Permission.objects.none()


class TalentPoolViewSetGroup(ViewSetGroup):
    menu_label = _("Talent pool")
    menu_icon = "group"
    menu_name = "talent-pool"
    menu_order = 250
    items = (AspirantProfileViewSet, FollowUpViewSet, SIPAssignmentViewSet, LocalAuthorityMembershipViewSet)
