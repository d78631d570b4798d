"""Filters and search for the talent pool's admin listings. Choices offer only what the user manages."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from programmes.models import CareerStage, LocalAuthority

from .. import permissions
from ..models import AspirantProfile, FollowUp, LocalAuthorityMembership, Readiness, SIPAssignment
from ..selectors import FOLLOW_UP_DUE_WITHIN_DAYS, follow_up_due_q
from .forms import PersonChoiceField


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


def _schools(request):
    return permissions.schools_manageable_by(request.user).order_by("name")


def _career_stages(request):
    return CareerStage.objects.order_by("sort_order", "name")


class AspirantProfileFilterSet(WagtailFilterSet):
    school = django_filters.ModelChoiceFilter(label=_("School"), queryset=_schools)
    current_role = django_filters.ModelChoiceFilter(label=_("Current role"), queryset=_career_stages)
    target_role = django_filters.ModelChoiceFilter(label=_("Role aiming for"), queryset=_career_stages)
    readiness = django_filters.ChoiceFilter(label=_("Readiness"), choices=Readiness.choices)
    follow_up = django_filters.ChoiceFilter(
        label=_("Follow-up"),
        method="filter_follow_up",
        choices=[
            ("due", _("Due in the next %(days)s days or overdue") % {"days": FOLLOW_UP_DUE_WITHIN_DAYS}),
            ("overdue", _("Overdue")),
            ("none", _("No follow-up date")),
        ],
    )

    class Meta:
        model = AspirantProfile
        fields = []

    def filter_follow_up(self, queryset, name, value):
        if value == "due":
            return queryset.filter(follow_up_due_q())
        if value == "overdue":
            return queryset.filter(next_follow_up_due__lt=timezone.localdate())
        if value == "none":
            return queryset.filter(next_follow_up_due__isnull=True)
        return queryset


def _follow_up_authors(request):
    manageable = permissions.follow_ups_manageable_by(request.user)
    return (
        get_user_model()
        .objects.filter(follow_ups_written__in=manageable.values("pk"))
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def follow_up_still_due_q() -> Q:
    """The follow-up set the aspirant's current next date (a later follow-up replaces it)."""
    return Q(next_follow_up_due__isnull=False, next_follow_up_due=F("profile__next_follow_up_due"))


class FollowUpFilterSet(WagtailFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=_("School"), field_name="profile__school", queryset=_schools
    )
    author = PersonFilter(label=_("Author"), queryset=_follow_up_authors)
    visit_date = django_filters.DateFromToRangeFilter(label=_("Visit date"), widget=DateRangePickerWidget)
    overdue = django_filters.BooleanFilter(
        label=_("Next follow-up overdue"),
        method="filter_overdue",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = FollowUp
        fields = []

    def filter_overdue(self, queryset, name, value):
        overdue = follow_up_still_due_q() & Q(next_follow_up_due__lt=timezone.localdate())
        if value is True:
            return queryset.filter(overdue)
        if value is False:
            return queryset.exclude(overdue)
        return queryset


def _assigned_sips(request):
    assignments = permissions.sip_assignments_manageable_by(request.user)
    return (
        get_user_model()
        .objects.filter(sip_assignments__in=assignments.values("pk"))
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


class SIPAssignmentFilterSet(WagtailFilterSet):
    school = django_filters.ModelChoiceFilter(label=_("School"), queryset=_schools)
    sip = PersonFilter(label=_("School Improvement Partner"), queryset=_assigned_sips)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[("current", _("Current")), ("ended", _("Ended")), ("upcoming", _("Not started yet"))],
    )

    class Meta:
        model = SIPAssignment
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == "current":
            return queryset.filter(permissions.current_sip_assignment_q(on=today))
        if value == "ended":
            return queryset.filter(ends_on__lt=today)
        if value == "upcoming":
            return queryset.filter(starts_on__gt=today)
        return queryset


class LocalAuthorityMembershipFilterSet(WagtailFilterSet):
    local_authority = django_filters.ModelChoiceFilter(
        label=_("Local authority"), queryset=LocalAuthority.objects.order_by("name")
    )

    class Meta:
        model = LocalAuthorityMembership
        fields = []
