"""What an LA officer manages in the Wagtail admin, and which audit log entries they may read.

Built on the rules in ``rules.py``: an officer's reach is the schools of their own LA.
"""

from collections.abc import Callable

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry

from programmes.models import School
from programmes.roles import LA_OFFICERS

from ..models import (
    AspirantProfile,
    FollowUp,
    LocalAuthorityMembership,
    SIPAssignment,
)
from ..roles import SCHOOL_IMPROVEMENT_PARTNERS
from .rules import (
    AnyUser,
    _is_signed_in,
    _is_superuser,
    _officer_local_authority_ids,
    profiles_manageable_by,
)


def _where(queryset: QuerySet, user: AnyUser, condition: Callable[[AnyUser], Q]) -> QuerySet:
    """``queryset`` narrowed by ``condition``: none for the signed out and inactive, all for superusers."""
    if not _is_signed_in(user):
        return queryset.none()
    return queryset if user.is_superuser else queryset.filter(condition(user))


def schools_manageable_by(user: AnyUser) -> QuerySet[School]:
    """Schools in the LA of ``user``, an LA officer: the schools they assign SIPs to and file aspirants at."""
    return _where(
        School.objects.all(), user, lambda u: Q(local_authority_id__in=_officer_local_authority_ids(u))
    )


def sip_assignments_manageable_by(user: AnyUser) -> QuerySet[SIPAssignment]:
    """SIP assignments at schools in the LA of ``user``, an LA officer."""
    return _where(
        SIPAssignment.objects.all(),
        user,
        lambda u: Q(school__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def follow_ups_manageable_by(user: AnyUser) -> QuerySet[FollowUp]:
    """Follow-ups about the profiles ``user`` manages (``profiles_manageable_by``)."""
    return _where(
        FollowUp.objects.all(),
        user,
        lambda u: Q(profile__school__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def sips_assignable_by(user: AnyUser) -> QuerySet:
    """Active School Improvement Partners ``user`` may assign to schools: those of the officer's own LA.

    A superuser may choose any SIP who belongs to an LA; a SIP reviews only schools in their own LA.
    """
    sips = get_user_model().objects.filter(
        is_active=True,
        groups__name=SCHOOL_IMPROVEMENT_PARTNERS,
        local_authority_membership__isnull=False,
    )
    return _where(
        sips,
        user,
        lambda u: Q(local_authority_membership__local_authority_id__in=_officer_local_authority_ids(u)),
    )


def local_authority_managers_q(local_authority_id: int | None) -> Q:
    """A condition on users: superusers, and the LA officers of ``local_authority_id``."""
    return Q(is_superuser=True) | Q(
        groups__name=LA_OFFICERS, local_authority_membership__local_authority_id=local_authority_id
    )


def _object_ids(queryset: QuerySet) -> QuerySet:
    """Subquery: the primary keys as text, to compare with a log entry's text ``object_id``.

    Casting this side, not ``object_id``, keeps ``object_id``'s index usable and never casts
    another model's non-numeric ids.
    """
    return queryset.order_by().annotate(object_key=Cast("pk", output_field=CharField())).values("object_key")


def _talent_pool_content_type_ids() -> list[int]:
    models = apps.get_app_config("talentpool").get_models()
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def _managed_log_entries_q(user: AnyUser) -> Q:
    """Log entries about the profiles, follow-ups and SIP assignments ``user`` manages.

    Only the signed-in non-superuser case; entries about any other talent pool model match nothing.
    """
    content_types = ContentType.objects.get_for_models(AspirantProfile, FollowUp, SIPAssignment)
    return (
        Q(
            content_type=content_types[AspirantProfile],
            object_id__in=_object_ids(profiles_manageable_by(user)),
        )
        | Q(content_type=content_types[FollowUp], object_id__in=_object_ids(follow_ups_manageable_by(user)))
        | Q(
            content_type=content_types[SIPAssignment],
            object_id__in=_object_ids(sip_assignments_manageable_by(user)),
        )
    )


def talent_pool_log_entries_visible_to(user: AnyUser) -> QuerySet[ModelLogEntry]:
    """Audit log entries about talent pool records: an officer's own LA's, every one for a superuser."""
    entries = ModelLogEntry.objects.filter(content_type_id__in=_talent_pool_content_type_ids())
    return _where(entries, user, _managed_log_entries_q)


def log_entries_outside_talent_pool_or_managed_q(user: AnyUser) -> Q:
    """A condition on ModelLogEntry for the admin's own log listings (such as "Site history").

    Wagtail shows anyone every entry about a model they hold any permission on; for the talent
    pool that would be every LA's. This keeps entries about other models, and of the talent
    pool's only those ``talent_pool_log_entries_visible_to(user)`` holds.
    """
    if _is_superuser(user):
        return Q()
    outside = ~Q(content_type_id__in=_talent_pool_content_type_ids())
    if not _is_signed_in(user):
        return outside
    return outside | _managed_log_entries_q(user)


def user_can_manage_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    """An officer of the LA of the follow-up's aspirant (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and follow_ups_manageable_by(user).filter(pk=follow_up.pk).exists()


def user_can_manage_sip_assignment(user: AnyUser, assignment: SIPAssignment) -> bool:
    """An officer of the LA of the assignment's school (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and sip_assignments_manageable_by(user).filter(pk=assignment.pk).exists()


def _is_officer_of_an_la(user: AnyUser) -> bool:
    """An LA officer who belongs to an LA, or a superuser."""
    if _is_superuser(user):
        return True
    return (
        _is_signed_in(user)
        and LocalAuthorityMembership.objects.filter(user=user, user__groups__name=LA_OFFICERS).exists()
    )


def user_can_view_talent_pool_audit_log(user: AnyUser) -> bool:
    """LA officers who belong to an LA (and superusers) read the talent pool's audit log in the admin.

    Which entries they see is still only ``talent_pool_log_entries_visible_to(user)``.
    """
    return _is_officer_of_an_la(user)


def user_can_view_pipeline_report(user: AnyUser) -> bool:
    """LA officers who belong to an LA (and superusers) see the leadership pipeline report.

    The numbers in it still come only from ``profiles_manageable_by(user)``: an officer's own LA.
    """
    return _is_officer_of_an_la(user)
